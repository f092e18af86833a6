import type { z } from 'zod';
import type { AdjudicationCase } from '../../../core/api/adjudication.ts';
import { Link } from '../app/router.tsx';
import { KeyHint } from '../editors/KeyHint.tsx';
import { Name } from '../ui/Name.tsx';
import type { Project } from '../work/api.ts';

type Case = z.output<typeof AdjudicationCase>;

const STATE_LABEL: Record<Case['state'], string> = {
  pending: 'Not complete yet',
  waiting: 'Waiting',
  claimed: 'Held',
  decided: 'Decided',
};

/** The adjudication page's bar: the item, its disagreement and state, and the actions with their keys. */
export function AdjudicationBar(props: {
  project: Project;
  case: Case;
  editing: boolean;
  busy: boolean;
  queue: boolean;
  onStart(index: number): void;
  onDiscard(): void;
  onRecord(): void;
  onSkip(): void;
}) {
  const c = props.case;
  const open = c.final === null;
  const itemName = c.item.externalId ?? `#${c.item.id}`;
  const score = c.disagreement === null ? '—' : c.disagreement.toFixed(2);
  return (
    <header className="annotate-bar">
      <Link to={`/projects/${props.project.id}`} className="bar-project">
        ← <Name text={props.project.name} />
      </Link>
      <span className="muted bar-item">
        Item {itemName} · disagreement {score} · {c.answers.length} answers
      </span>
      <span className="muted bar-mode" data-testid="adjudication-state">
        {STATE_LABEL[c.state]}
        {props.editing && ' · editing the final answer'}
      </span>
      <span className="spacer" />
      {open &&
        c.answers.map((a, i) => (
          <button
            key={a.annotationId}
            type="button"
            aria-keyshortcuts={`${i + 1}`}
            disabled={props.busy}
            onClick={() => props.onStart(i)}
          >
            Start from {i + 1} <KeyHint>{i + 1}</KeyHint>
          </button>
        ))}
      {open && props.editing && (
        <>
          <button type="button" aria-keyshortcuts="Escape" disabled={props.busy} onClick={props.onDiscard}>
            Discard <KeyHint>Esc</KeyHint>
          </button>
          <button
            type="button"
            className="primary"
            aria-keyshortcuts="Control+Enter"
            disabled={props.busy}
            onClick={props.onRecord}
          >
            Record final <KeyHint>Ctrl Enter</KeyHint>
          </button>
        </>
      )}
      {open && !props.editing && props.queue && (
        <button type="button" aria-keyshortcuts="S" disabled={props.busy} onClick={props.onSkip}>
          Skip <KeyHint>S</KeyHint>
        </button>
      )}
    </header>
  );
}
