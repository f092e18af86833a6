import { useState } from 'react';
import type { User } from '../../../../core/api/users.ts';
import { call } from '../../api/client.ts';

type Action = 'suspend' | 'offboard' | 'reinstate';
const VERB: Record<Action, string> = { suspend: 'Suspend', offboard: 'Offboard', reinstate: 'Reinstate' };
const WHAT: Record<Action, string> = {
  suspend: 'Their sessions and API tokens stop working at once and their locked items go back to the pool.',
  offboard:
    'They are suspended and their API tokens are revoked for good; their locked items go back to the pool.',
  reinstate: 'They can sign in again; tokens revoked by offboarding stay revoked.',
};
const plural = (n: number) => `${n} user${n === 1 ? '' : 's'}`;

/**
 * Acts on the selected users at once (docs/users.md, "Suspension and offboarding"): one button per
 * action, each asking first with the number of users it will change.
 */
export function BulkStatus(props: {
  /** The users to act on (the Users page's rows, the Roster's people): only their ids are sent. */
  selected: readonly Pick<User, 'id'>[];
  onStart(): void;
  onDone(message: string): void;
  onError(err: unknown): void;
}) {
  const [asking, setAsking] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const n = props.selected.length;
  if (n === 0) return null;
  const run = async (action: Action) => {
    setBusy(true);
    try {
      const report = await call('bulkUserStatus', {
        body: { action, emails: [], userIds: props.selected.map((u) => u.id) },
      });
      if (report) {
        const unchanged = report.results.length - report.changed;
        props.onDone(
          `${VERB[action]}: ${plural(report.changed)} changed${unchanged ? `, ${unchanged} already so` : ''}${report.locksReleased ? `; ${report.locksReleased} locked items back in the pool` : ''}.`,
        );
      }
    } catch (err) {
      props.onError(err);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };
  return (
    <section className="stack" aria-label="Selected users">
      {asking ? (
        <fieldset className="row confirm">
          <legend>{`${VERB[asking]} ${plural(n)}? ${WHAT[asking]}`}</legend>
          <button
            type="button"
            className={asking === 'reinstate' ? 'primary' : 'danger'}
            disabled={busy}
            ref={(el) => el?.focus()}
            onClick={() => void run(asking)}
          >
            {`Yes, ${VERB[asking].toLowerCase()} ${plural(n)}`}
          </button>
          <button type="button" disabled={busy} onClick={() => setAsking(null)}>
            Cancel
          </button>
        </fieldset>
      ) : (
        <div className="row">
          {(['suspend', 'offboard', 'reinstate'] as const).map((action) => (
            <button
              key={action}
              type="button"
              onClick={() => {
                props.onStart();
                setAsking(action);
              }}
            >
              {`${VERB[action]} ${plural(n)}`}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
