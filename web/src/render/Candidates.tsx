import { memo, useId, useRef } from 'react';
import type { ShownCandidate } from '../editors/candidates.ts';
import { LongText } from './LongText.tsx';
import './tutoring.css';

export interface CandidatesProps {
  candidates: readonly ShownCandidate[];
  markdown: boolean;
  /** Show each candidate's model name (the field's `revealModels`); hidden by default. */
  revealModels: boolean;
  level: 3 | 4;
}

/**
 * A `responses` field: candidate answers in the order this annotator was shown them, each named
 * "Response A", "Response B"… by its place there (never by its id, which could give it away).
 * Two are side by side; more are stacked, with a jump list. Each answer scrolls in a box of its
 * own, so the questions stay near, and a long one renders as it is read (LongText).
 */
export const Candidates = memo(function Candidates(props: CandidatesProps) {
  const base = useId();
  const { candidates } = props;
  const idOf = (c: ShownCandidate) => `${base}-${c.letter}`;
  if (candidates.length === 0) return <p className="muted">No candidate answers.</p>;
  const pair = candidates.length === 2;
  return (
    <div className="candidates">
      {!pair && (
        <nav className="candidate-jumps" aria-label="Jump to a response">
          <span className="muted small">Jump to</span>
          {candidates.map((c) => (
            <button
              key={c.id}
              type="button"
              aria-label={`Response ${c.letter}`}
              onClick={() => {
                const body = document.getElementById(`${idOf(c)}-body`);
                body?.scrollIntoView({ block: 'start' });
                body?.focus({ preventScroll: true });
              }}
            >
              {c.letter}
            </button>
          ))}
        </nav>
      )}
      <div className={pair ? 'candidate-pair' : 'candidate-stack'}>
        {candidates.map((c) => (
          <Candidate key={c.id} c={c} id={idOf(c)} {...props} />
        ))}
      </div>
    </div>
  );
});

function Candidate(props: CandidatesProps & { c: ShownCandidate; id: string }) {
  const { c, id } = props;
  const Heading = props.level === 3 ? 'h3' : 'h4';
  const body = useRef<HTMLElement>(null);
  return (
    <div className="candidate" data-candidate={c.letter}>
      <Heading id={`${id}-title`} className="candidate-title">
        Response {c.letter}
        {props.revealModels && c.model && <span className="candidate-model"> · {c.model}</span>}
      </Heading>
      <section
        ref={body}
        id={`${id}-body`}
        className="candidate-body"
        aria-labelledby={`${id}-title`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
        tabIndex={0}
      >
        <LongText source={c.content} markdown={props.markdown} scroller={body} className="item-text" />
      </section>
    </div>
  );
}
