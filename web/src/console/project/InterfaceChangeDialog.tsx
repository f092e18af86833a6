import type { InterfaceChangeDetails } from '../../../../core/api/projects.ts';
import { describeBreakingChange } from '../../../../core/interface/index.ts';
import { Dialog } from '../../work/Dialog.tsx';

const answers = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;

/** The breaking changes of an interface edit and the answers they affect; applies them only on confirm. */
export function InterfaceChangeDialog(props: {
  details: InterfaceChangeDetails | null;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const d = props.details;
  return (
    <Dialog title="Apply a change that affects answers?" open={d !== null} onClose={props.onCancel}>
      {d && (
        <div className="stack">
          <p>
            This change affects <strong>{answers(d.affectedAnswers)}</strong> already given (drafts included).
            They keep the version they were given under; new work uses the new version.
          </p>
          <ul aria-label="Changes that affect answers">
            {d.changes.map((c) => (
              <li
                key={`${c.kind}:${c.question ?? ''}:${c.field ?? ''}:${c.option ?? ''}:${c.label ?? ''}:${c.constraint ?? ''}`}
              >
                {describeBreakingChange(c)}: {answers(c.answers)}
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" className="primary" disabled={props.busy} onClick={props.onConfirm}>
              {props.busy ? 'Applying…' : 'Apply the change'}
            </button>
            <button type="button" onClick={props.onCancel}>
              Keep editing
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
