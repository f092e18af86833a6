import { memo } from 'react';
import type { SegmentsQuestion } from '../../../../core/interface/index.ts';
import { stamp } from './kernels.ts';
import { LabelSelect, SpeakerField, TextField, TimeInput } from './RegionFields.tsx';
import type { Segment } from './regions.ts';

/** What a row of the region list (or a transcript line) may ask of the editor. */
export interface RegionActions {
  select: (index: number, seek: boolean) => void;
  setTime: (index: number, edge: 'start' | 'end', seconds: number) => void;
  patch: (index: number, patch: Partial<Pick<Segment, 'label' | 'speaker' | 'text'>>) => void;
  play: (index: number) => void;
  remove: (index: number) => void;
}

export type RegionQuestion = Pick<SegmentsQuestion, 'labels' | 'text' | 'speakers' | 'speakerNames'>;

/**
 * The regions as a table beside the waveform: times editable as numbers, label, speaker and text;
 * clicking a row (or its number) selects the region and seeks to its start.
 */
export function RegionTable(props: {
  caption: string;
  q: RegionQuestion;
  segments: readonly Segment[];
  selected: number | undefined;
  readOnly: boolean;
  listId: string;
  actions: RegionActions;
}) {
  const { q } = props;
  if (props.segments.length === 0)
    return (
      <p className="muted small">No regions yet: drag on the waveform, or press [ and ] at the playhead.</p>
    );
  return (
    <div className="region-table-box">
      <table className="region-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Start (s)</th>
            <th scope="col">End (s)</th>
            {q.labels && <th scope="col">Label</th>}
            {q.speakers !== 'none' && <th scope="col">Speaker</th>}
            {q.text !== 'none' && <th scope="col">Text</th>}
            {!props.readOnly && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {props.segments.map((s, i) => (
            <RegionRow
              // Keyed by position, so a row keeps its element (and focus) while its region moves.
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the sorted list
              key={i}
              index={i}
              seg={s}
              q={q}
              selected={props.selected === i}
              readOnly={props.readOnly}
              listId={props.listId}
              actions={props.actions}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const RegionRow = memo(function RegionRow(p: {
  index: number;
  seg: Segment;
  q: RegionQuestion;
  selected: boolean;
  readOnly: boolean;
  listId: string;
  actions: RegionActions;
}) {
  const { seg: s, q, index: i, actions: a } = p;
  const n = i + 1;
  const name = `region ${n}`;
  return (
    <tr
      className={p.selected ? 'selected' : undefined}
      aria-current={p.selected ? 'true' : undefined}
      data-start={s.start}
      data-end={s.end}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('input, select, button')) a.select(i, true);
      }}
    >
      <td>
        <button
          type="button"
          className="region-num"
          aria-label={`Go to ${name}, ${stamp(s.start)}`}
          onClick={() => a.select(i, true)}
        >
          {n}
        </button>
      </td>
      <td>
        <TimeInput
          value={s.start}
          label={`Start of ${name}, seconds`}
          readOnly={p.readOnly}
          onCommit={(v) => a.setTime(i, 'start', v)}
        />
      </td>
      <td>
        <TimeInput
          value={s.end}
          label={`End of ${name}, seconds`}
          readOnly={p.readOnly}
          onCommit={(v) => a.setTime(i, 'end', v)}
        />
      </td>
      {q.labels && (
        <td>
          <LabelSelect
            labels={q.labels}
            value={s.label}
            label={`Label of ${name}`}
            disabled={p.readOnly}
            onChange={(label) => a.patch(i, { label })}
          />
        </td>
      )}
      {q.speakers !== 'none' && (
        <td>
          <SpeakerField
            names={q.speakerNames}
            listId={p.listId}
            value={s.speaker}
            label={`Speaker of ${name}`}
            readOnly={p.readOnly}
            onChange={(speaker) => a.patch(i, { speaker })}
          />
        </td>
      )}
      {q.text !== 'none' && (
        <td className="region-text-cell">
          <TextField
            value={s.text}
            label={`Text of ${name}`}
            readOnly={p.readOnly}
            onChange={(text) => a.patch(i, { text })}
          />
        </td>
      )}
      {!p.readOnly && (
        <td className="region-actions">
          <button type="button" aria-label={`Play ${name}`} onClick={() => a.play(i)}>
            ▶
          </button>
          <button type="button" aria-label={`Delete ${name}`} onClick={() => a.remove(i)}>
            ×
          </button>
        </td>
      )}
    </tr>
  );
});
