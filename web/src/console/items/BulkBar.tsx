import { type FormEvent, useState } from 'react';
import type { BulkItemAction } from '../../../../core/api/items.ts';
import { call } from '../../api/client.ts';
import { Link } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Dialog } from '../../work/Dialog.tsx';
import { Field } from '../Field.tsx';

/** The most selected items the export of a selection takes (the export's `ids` limit). */
export const MAX_EXPORT_SELECTION = 1000;
const MIN_PRIORITY = -2147483648;
const MAX_PRIORITY = 2147483647;

const count = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** What a finished action says, as one sentence; `emptied` when the selected items are gone. */
export interface BulkOutcome {
  message: string;
  emptied: boolean;
}

/**
 * What can be done with the selected items: set their priority, return them to the queue, delete
 * them (after a confirmation that says how many, and that their annotations go too), for those
 * who manage the project; and export them, for everyone who sees the browser.
 */
export function BulkBar(props: {
  projectId: number;
  ids: number[];
  manage: boolean;
  onDone(outcome: BulkOutcome): void;
  onClear(): void;
}) {
  const { ids, projectId } = props;
  const [priority, setPriority] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const n = count(ids.length, 'item');

  const run = async (body: BulkItemAction) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('bulkItemAction', { params: { projectId }, body });
      setConfirming(false);
      props.onDone(outcomeOf(result!, body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const setPriorityOf = (e: FormEvent) => {
    e.preventDefault();
    const value = Number(priority);
    if (priority.trim() === '' || !Number.isInteger(value)) return;
    void run({ action: 'priority', ids, priority: value });
  };
  const priorityValid =
    priority.trim() !== '' &&
    Number.isInteger(Number(priority)) &&
    Number(priority) >= MIN_PRIORITY &&
    Number(priority) <= MAX_PRIORITY;

  return (
    <section className="bulk-bar stack-tight" aria-labelledby="bulk-title">
      <div className="row">
        <h3 id="bulk-title">{n} selected</h3>
        <button type="button" className="link-button" onClick={props.onClear}>
          Clear selection
        </button>
      </div>
      <div className="row align-end">
        {props.manage && (
          <>
            <form className="row align-end" aria-label="Set priority" onSubmit={setPriorityOf}>
              <Field label="Priority">
                {(c) => (
                  <input
                    {...c}
                    type="number"
                    step={1}
                    min={MIN_PRIORITY}
                    max={MAX_PRIORITY}
                    value={priority}
                    className="narrow-number"
                    onChange={(e) => setPriority(e.target.value)}
                  />
                )}
              </Field>
              <button
                type="submit"
                disabled={busy || !priorityValid}
                title="Higher priorities are handed out first"
              >
                Set priority
              </button>
            </form>
            <button type="button" disabled={busy} onClick={() => void run({ action: 'requeue', ids })}>
              Return to the queue
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
              Delete…
            </button>
          </>
        )}
        <ExportSelection projectId={projectId} ids={ids} />
      </div>
      {!confirming && <ErrorAlert error={error} />}
      <Dialog title={`Delete ${n}?`} open={confirming} onClose={() => !busy && setConfirming(false)}>
        <div className="stack">
          <p>
            This deletes {n} and every annotation on {ids.length === 1 ? 'it' : 'them'} (drafts and
            submissions), with their history. It cannot be undone.
          </p>
          <ErrorAlert error={error} />
          <div className="row">
            {/* First in the dialog, so showModal focuses it: Enter alone never deletes. */}
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => void run({ action: 'delete', ids })}
            >
              {busy ? 'Deleting…' : `Delete ${n}`}
            </button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}

function outcomeOf(
  result: { action: string; affected: number; annotationsDeleted?: number | undefined },
  body: BulkItemAction,
): BulkOutcome {
  switch (body.action) {
    case 'priority':
      return {
        message: `Priority set to ${body.priority} on ${count(result.affected, 'item')}.`,
        emptied: false,
      };
    case 'requeue':
      return {
        message:
          result.affected === 0
            ? `None of the ${count(body.ids.length, 'item')} had a lock or a skip to return; nothing changed.`
            : `${count(result.affected, 'item')} returned to the queue.`,
        emptied: false,
      };
    case 'delete':
      return {
        message: `${count(result.affected, 'item')} deleted, with ${count(result.annotationsDeleted ?? 0, 'annotation')}.`,
        emptied: true,
      };
  }
}

/**
 * The way to export the selected items: the Export tab with the selection in its address
 * (`?ids=1,2,3`), where the export's other filters can be added before the download. The export
 * takes at most 1,000 ids, so past that it says so instead.
 */
function ExportSelection({ projectId, ids }: { projectId: number; ids: number[] }) {
  if (ids.length > MAX_EXPORT_SELECTION) {
    return (
      <p className="muted">
        Export takes at most {MAX_EXPORT_SELECTION.toLocaleString('en')} selected items; select fewer, or
        export the whole project from the Export tab.
      </p>
    );
  }
  return (
    <Link className="button" to={`/projects/${projectId}/export?ids=${ids.join(',')}`}>
      Export the selection…
    </Link>
  );
}
