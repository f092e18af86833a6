import type { Annotation } from '../../../../core/api/assignments.ts';
import type { InterfaceDefinition } from '../../../../core/interface/index.ts';

type Signals = NonNullable<Annotation['signals']>[string];

/** The written text of an answer (a text answer, a rewrite's `text`), for its length. */
const textOf = (answer: unknown): string =>
  typeof answer === 'string'
    ? answer
    : answer !== null && typeof answer === 'object' && typeof (answer as { text?: unknown }).text === 'string'
      ? (answer as { text: string }).text
      : '';

const n = (x: number) => x.toLocaleString('en');
const seconds = (ms: number) =>
  ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${n(Math.round(ms / 1000))} s`;

function mostlyPasted(s: Signals, length: number): string {
  return `${n(s.pastedChars)} characters pasted; the answer is ${n(length)} long`;
}

function implausiblyFast(s: Signals): string {
  const rate = s.typingMs === 0 ? undefined : Math.round((s.typedChars * 60_000) / s.typingMs);
  return `${n(s.typedChars)} characters typed in ${seconds(s.typingMs)} of typing${rate === undefined ? '' : ` (${n(rate)} a minute)`}`;
}

/**
 * The integrity flags of one annotation's written answers, for managers and reviewers (the API
 * sends `flags` and `signals` only to them): per flagged question a badge, "mostly pasted" or
 * "written implausibly fast", with the numbers behind it. A hint for a reviewer, not a verdict.
 */
export function IntegrityFlags({
  annotation: a,
  iface,
}: {
  annotation: Annotation;
  iface: InterfaceDefinition;
}) {
  const flagged = Object.entries(a.flags ?? {}).filter(([, list]) => list.length > 0);
  if (flagged.length === 0 || !a.signals) return null;
  const answers = a.pendingAnswers ?? a.answers;
  const labelOf = (name: string) => iface.questions.find((q) => q.name === name)?.label ?? name;
  return (
    <ul className="integrity-flags" aria-label="Integrity flags" data-testid="integrity-flags">
      {flagged.flatMap(([question, list]) => {
        const s = a.signals?.[question];
        if (!s) return [];
        const length = [...textOf(answers[question])].length;
        return list.map((flag) => (
          <li key={`${question}-${flag}`}>
            <span className="status status-flagged">
              {flag === 'mostly_pasted' ? 'mostly pasted' : 'written implausibly fast'}
            </span>{' '}
            <span>
              {labelOf(question)}: {flag === 'mostly_pasted' ? mostlyPasted(s, length) : implausiblyFast(s)}
              {s.focusChanges > 0 &&
                `; left the window ${n(s.focusChanges)} time${s.focusChanges === 1 ? '' : 's'}`}
            </span>
          </li>
        ));
      })}
    </ul>
  );
}
