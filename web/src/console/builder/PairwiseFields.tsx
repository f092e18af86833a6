import { maxStrength, pairwiseLabels } from '../../../../core/interface/index.ts';
import { messagesAt } from '../pathErrors.ts';
import { CandidateSource } from './CandidateSource.tsx';
import { CriteriaList } from './CriteriaList.tsx';
import type { KindProps } from './field-roles.ts';
import { CheckInput, LinesInput, SelectInput } from './inputs.tsx';

const scales = [
  ['7', '7 points (A much better … B much better)'],
  ['5', '5 points'],
  ['3', '3 points (A better, the same, B better)'],
] as const;

type Scale = 3 | 5 | 7;
const asScale = (s: string): Scale => (s === '3' || s === '5' ? (Number(s) as Scale) : 7);
const defaults = (scale: Scale) => pairwiseLabels({ scale, labels: undefined });

/** When a justification is required, by the strength of the overall preference. */
function justifyOptions(scale: Scale, labels: readonly string[]): [string, string][] {
  const m = maxStrength(scale);
  const pair = (s: number) => [labels[m - s], labels[m + s]].filter(Boolean).join(' / ');
  return [
    ['', 'Never'],
    ['0', 'Always, ties too'],
    ...Array.from({ length: m }, (_, i): [string, string] => [
      String(i + 1),
      i + 1 === 1 ? `For any preference (${pair(1)} or more)` : `From strength ${i + 1} (${pair(i + 1)})`,
    ]),
  ];
}

/** A preference between two candidates: where they are, the scale and its labels, criteria, justification. */
export function PairwiseFields(props: KindProps) {
  const { q, at, errors, onChange } = props;
  const scale = asScale(q.scale);
  const labels = q.ownLabels && q.items.length === scale ? q.items : defaults(scale);
  const setScale = (v: string) => {
    // Labels still the default ones follow the scale; the person's own stay (and are checked).
    const stillDefault = q.ownLabels && q.items.join('\n') === defaults(scale).join('\n');
    const next = defaults(asScale(v));
    onChange({ scale: v, ...(stillDefault ? { items: next, lines: next.join('\n') } : {}) });
  };
  const ownLabels = (on: boolean) => {
    const start = q.items.length === scale ? q.items : defaults(scale);
    onChange(on ? { ownLabels: true, items: start, lines: start.join('\n') } : { ownLabels: false });
  };
  return (
    <>
      <CandidateSource {...props} fieldLabel="Candidates to compare" />
      <div className="editor-grid">
        <SelectInput
          label="Scale"
          path={`${at}.scale`}
          value={q.scale}
          options={scales}
          errors={messagesAt(errors, `${at}.scale`)}
          onChange={setScale}
        />
        <SelectInput
          label="Justification required"
          hint="A written reason, by the strength of the overall preference"
          path={`${at}.requireJustificationFrom`}
          value={q.requireJustificationFrom}
          options={justifyOptions(scale, labels)}
          errors={messagesAt(errors, `${at}.requireJustificationFrom`)}
          onChange={(v) => onChange({ requireJustificationFrom: v })}
        />
      </div>
      <CheckInput label="Own labels for the points of the scale" checked={q.ownLabels} onChange={ownLabels} />
      {q.ownLabels && (
        <LinesInput
          label={`Labels, one per line (${scale}: A's strongest first)`}
          path={`${at}.labels`}
          lines={q.lines}
          errors={messagesAt(errors, `${at}.labels`)}
          onChange={(lines, items) => onChange({ lines, items })}
        />
      )}
      <CriteriaList
        criteria={q.criteria}
        of="pairwise"
        at={at}
        errors={errors}
        onChange={(criteria) => onChange({ criteria })}
      />
    </>
  );
}
