import { Name } from '../ui/Name.tsx';
import type { SuggestionMark as Mark } from './suggestion.ts';

const WORDS: Record<Mark, string> = { suggested: 'Suggestion', accepted: 'Accepted', changed: 'Changed' };

/**
 * A question's standing against the suggestion: a badge ("Suggestion", "Accepted", "Changed") and
 * its action: Accept a suggested answer, or put the suggestion back after a change. `by` names
 * the agent, for those who may see it.
 */
export function SuggestionMark(props: {
  question: string;
  mark: Mark;
  /** Who suggested it, for those who may see it (managers; everyone when the project reveals models). */
  by?: { agent: string; score: number | null } | undefined;
  readOnly: boolean;
  onAccept: () => void;
  onRestore: () => void;
}) {
  const { mark } = props;
  return (
    <div className={`suggestion-mark ${mark}`} data-suggestion={mark}>
      <span className="suggestion-badge">{WORDS[mark]}</span>
      {props.by && (
        <span className="muted small suggestion-by">
          <Name text={props.by.agent} />
          {props.by.score !== null && ` · ${Number(props.by.score.toPrecision(3))}`}
        </span>
      )}
      {!props.readOnly && mark === 'suggested' && (
        <button type="button" className="suggestion-action" onClick={props.onAccept}>
          Accept<span className="visually-hidden"> the suggested answer to {props.question}</span>
        </button>
      )}
      {!props.readOnly && mark === 'changed' && (
        <button type="button" className="suggestion-action" onClick={props.onRestore}>
          Use the suggestion<span className="visually-hidden"> for {props.question}</span>
        </button>
      )}
    </div>
  );
}
