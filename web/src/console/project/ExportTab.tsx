import { useState } from 'react';
import {
  type ExportChoice,
  exportCommandArgs,
  exportQueryOf,
  MAX_EXPORT_IDS,
} from '../../../../core/api/export-filters.ts';
import {
  CONSENSUS_FORMATS,
  EXPORT_FORMAT_INFO,
  type ExportFormat,
} from '../../../../core/api/export-formats.ts';
import { CONSENSUS_METHODS, type ConsensusMethod } from '../../../../core/quality/consensus/index.ts';
import { api } from '../../api/client.ts';
import { useLocation } from '../../app/router.tsx';
import { Field } from '../Field.tsx';
import {
  ExportFormatPicker,
  type FormatChoice,
  takesSubmittedOnly,
  thresholdError,
} from './ExportFormat.tsx';

/**
 * The export's format and filters and a plain download link: the session cookie authenticates
 * GETs, and the browser streams to disk. The item browser sends its selection as `?ids=1,2,3` in
 * this page's address. The same export is shown as its URL and as a `verity export` command.
 */
export function ExportTab({ projectId, name }: { projectId: number; name: string }) {
  const selection = selectedIds(useLocation().query.get('ids'));
  const [submittedOnly, setSubmittedOnly] = useState(false);
  const [completeOnly, setCompleteOnly] = useState(false);
  const [includeModels, setIncludeModels] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [annotator, setAnnotator] = useState('');
  const [onlySelected, setOnlySelected] = useState(true);
  const [consensus, setConsensus] = useState<ConsensusMethod | ''>('');
  const [formatChoice, setFormatChoice] = useState<FormatChoice>({
    format: 'jsonl',
    pairs: 'all',
    threshold: '0.5',
    nemoPer: 'segment',
  });
  const { format } = formatChoice;
  const training = takesSubmittedOnly(format);
  const agreed = consensus !== '' && CONSENSUS_FORMATS.includes(format) ? consensus : undefined;
  const rangeError = from !== '' && to !== '' && to < from ? ['The last day is before the first.'] : [];
  const badThreshold = format === 'kto' && thresholdError(formatChoice.threshold) !== undefined;
  const choice: ExportChoice = {
    format,
    ...(formatChoice.pairs === 'adjacent' ? { pairs: 'adjacent' as const } : {}),
    ...(format === 'kto' && !badThreshold && Number(formatChoice.threshold) !== 0.5
      ? { threshold: Number(formatChoice.threshold) }
      : {}),
    submittedOnly: submittedOnly && !training,
    completeOnly,
    includeModels: includeModels && training && agreed === undefined,
    ...(agreed !== undefined ? { consensus: agreed } : {}),
    from,
    to,
    ...(onlySelected && selection.ids.length > 0 ? { ids: selection.ids } : {}),
    ...(annotator.trim() ? { annotator: annotator.trim() } : {}),
    ...(format === 'nemo' && formatChoice.nemoPer === 'file' ? { nemoPer: 'file' as const } : {}),
  };
  const href = api.url('exportItems', { params: { projectId }, query: exportQueryOf(choice) });
  const base = `${name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'project'}-${projectId}`;
  const plain = format === 'jsonl' || format === 'csv' || format === 'rttm';
  const file = `${base}${plain ? '' : `-${format}`}.${EXPORT_FORMAT_INFO[format].extension}`;
  const command = `verity export ${exportCommandArgs(projectId, choice).slice('export '.length)} --out ${file}`;
  const blocked = rangeError.length > 0 || selection.error !== undefined || badThreshold;
  return (
    <section className="stack" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p>
        Items in import order with their annotations, as JSON lines, a file a training run reads as it is, or
        CSV for a spreadsheet. Candidates are named by their ids, never by where they were shown. Large
        projects stream, so the download starts at once.
      </p>
      <ExportFormatPicker value={formatChoice} onChange={setFormatChoice} />
      <fieldset className="stack export-filters">
        <legend>What to export</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={submittedOnly || training}
            disabled={training}
            onChange={(e) => setSubmittedOnly(e.target.checked)}
          />
          Submitted annotations only (leave drafts out)
          {training && ' — always, for this format'}
        </label>
        <label className="check">
          <input type="checkbox" checked={completeOnly} onChange={(e) => setCompleteOnly(e.target.checked)} />
          Complete items only (as many submissions as the overlap)
        </label>
        {CONSENSUS_FORMATS.includes(format) && (
          <ConsensusPicker format={format} value={consensus} onChange={setConsensus} />
        )}
        {training && agreed === undefined && (
          <label className="check">
            <input
              type="checkbox"
              checked={includeModels}
              onChange={(e) => setIncludeModels(e.target.checked)}
            />
            Include model judges&rsquo; answers (left out by default)
          </label>
        )}
        {selection.ids.length > 0 && (
          <label className="check">
            <input
              type="checkbox"
              checked={onlySelected}
              onChange={(e) => setOnlySelected(e.target.checked)}
            />
            Only the {selection.ids.length.toLocaleString('en')} item{selection.ids.length === 1 ? '' : 's'}{' '}
            selected in the item browser
          </label>
        )}
        {selection.error && (
          <p className="field-errors" role="alert">
            {selection.error}
          </p>
        )}
        <div className="editor-grid">
          <Field label="Submitted from (first day)" hint="Days in UTC. Leave empty for no limit.">
            {(c) => <input {...c} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
          </Field>
          <Field label="Submitted to (last day, included)" errors={rangeError}>
            {(c) => <input {...c} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
          </Field>
        </div>
        {(from || to) && (
          <p className="muted">
            Only items with an annotation submitted in these days, each with only the annotations submitted in
            them.
          </p>
        )}
        <Field
          label="Only one annotator's work (email)"
          hint="Their items, with only their annotations; a suspended or offboarded tutor's too. Leave empty for everyone."
        >
          {(c) => (
            <input {...c} type="email" value={annotator} onChange={(e) => setAnnotator(e.target.value)} />
          )}
        </Field>
      </fieldset>
      <p>
        {blocked ? (
          <button type="button" className="primary" disabled>
            Download export
          </button>
        ) : (
          <a className="button primary" href={href} download={file}>
            Download export
          </a>
        )}
      </p>
      <h3 id="export-same">The same export elsewhere</h3>
      <dl className="export-same" aria-labelledby="export-same">
        <dt>URL (with an API token as a bearer)</dt>
        <dd>
          <code data-testid="export-url">{new URL(href, window.location.origin).toString()}</code>
        </dd>
        <dt>Command line</dt>
        <dd>
          <code data-testid="export-command">{command}</code>
        </dd>
      </dl>
    </section>
  );
}

/**
 * The consensus to export with (docs/exports.md, "From the consensus"): JSONL adds it to each
 * line; sft and the preference formats are made from it, one example per item instead of one per
 * annotator.
 */
function ConsensusPicker({
  format,
  value,
  onChange,
}: {
  format: ExportFormat;
  value: ConsensusMethod | '';
  onChange: (next: ConsensusMethod | '') => void;
}) {
  const jsonl = format === 'jsonl';
  return (
    <Field
      label="Consensus"
      hint={
        jsonl
          ? "Adds each item's consensus per question (pairwise and ranking questions: Bradley–Terry)."
          : 'One example per item from its agreed answer: the adjudicated one, the gold one, the consensus (pairwise and ranking: Bradley–Terry), or a written answer everyone gave alike; items without one are left out.'
      }
    >
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.target.value as ConsensusMethod | '')}>
          <option value="">{jsonl ? 'None' : "None: each annotator's answers"}</option>
          {CONSENSUS_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The item browser's selection from `?ids=`: the ids, or what is wrong with the list. */
function selectedIds(text: string | null): { ids: number[]; error?: string } {
  if (!text) return { ids: [] };
  const words = text.split(',').filter((w) => w.trim() !== '');
  const ids = words.map(Number);
  if (ids.some((id) => !Number.isSafeInteger(id) || id <= 0))
    return {
      ids: [],
      error: 'The selection in the address is not a list of item ids; select the items again.',
    };
  if (ids.length > MAX_EXPORT_IDS)
    return {
      ids: [],
      error: `The selection holds ${ids.length.toLocaleString('en')} items; an export takes at most ${MAX_EXPORT_IDS.toLocaleString('en')}.`,
    };
  return { ids };
}
