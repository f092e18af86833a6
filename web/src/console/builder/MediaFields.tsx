import { messagesAt } from '../pathErrors.ts';
import type { MediaDraft } from './draft-media.ts';
import { FieldPicker } from './FieldPicker.tsx';
import { fieldRoles, fitting, type KindProps } from './field-roles.ts';
import { CheckInput, LinesInput, NumberInput, SelectInput } from './inputs.tsx';

const needs = [
  ['none', 'Not asked'],
  ['optional', 'Optional'],
  ['required', 'Required on submit'],
] as const;
const segmentModes = [
  ['regions', 'Regions on the waveform or timeline'],
  ['transcript', 'A running transcript of the whole file'],
] as const;
const frameModes = [
  ['keyframes', 'A label holds until the next labelled frame'],
  ['frames', 'Each label is about its frame only'],
] as const;

/** Questions over a recording or a video (docs/media.md): segments, frames and tracks. */
export function MediaFields({ q, at, fields, errors, onChange }: KindProps) {
  const msg = (key: string) => messagesAt(errors, `${at}.${key}`);
  const media = (patch: Partial<MediaDraft>) => onChange({ media: { ...q.media, ...patch } });
  const segments = q.type === 'segments';
  return (
    <>
      <FieldPicker
        label={segments ? 'Recording or video to mark' : 'Video to annotate'}
        path={`${at}.field`}
        value={q.field}
        names={fitting(fields, fieldRoles(q.type).field)}
        missing={segments ? 'Add an audio or video field first' : 'Add a video field first'}
        errors={msg('field')}
        onChange={(v) => onChange({ field: v ?? '' })}
      />
      <LinesInput
        label="Labels, one per line"
        hint={segments ? 'None: the regions carry text or speakers only' : undefined}
        path={`${at}.labels`}
        lines={q.lines}
        errors={msg('labels')}
        onChange={(lines, items) => onChange({ lines, items })}
      />
      {segments && <SegmentSettings q={q} at={at} msg={msg} onChange={onChange} media={media} />}
      {q.type === 'frames' && (
        <SelectInput
          label="What a label means"
          path={`${at}.mode`}
          value={q.media.mode || 'keyframes'}
          options={frameModes}
          errors={msg('mode')}
          onChange={(mode) => media({ mode })}
        />
      )}
      {q.type === 'tracks' && (
        <NumberInput
          label="Most tracks in one answer"
          path={`${at}.maxTracks`}
          value={q.media.maxTracks}
          placeholder="200"
          errors={msg('maxTracks')}
          onChange={(maxTracks) => media({ maxTracks })}
        />
      )}
    </>
  );
}

function SegmentSettings(props: {
  q: KindProps['q'];
  at: string;
  msg(key: string): string[];
  onChange: KindProps['onChange'];
  media(patch: Partial<MediaDraft>): void;
}) {
  const { q, at, msg, onChange, media } = props;
  return (
    <>
      <div className="editor-grid">
        <NumberInput
          label="Shortest region (seconds)"
          path={`${at}.minLength`}
          value={q.media.minLength}
          placeholder="any"
          step="any"
          errors={msg('minLength')}
          onChange={(minLength) => media({ minLength })}
        />
        <NumberInput
          label="Longest region (seconds)"
          path={`${at}.maxLength`}
          value={q.maxLength}
          placeholder="any"
          step="any"
          errors={msg('maxLength')}
          onChange={(maxLength) => onChange({ maxLength })}
        />
        <CheckInput
          label="Regions may overlap"
          checked={q.allowOverlap}
          onChange={(allowOverlap) => onChange({ allowOverlap })}
        />
      </div>
      <div className="editor-grid">
        <SelectInput
          label="Text of each region (transcription)"
          path={`${at}.text`}
          value={q.media.text}
          options={needs}
          errors={msg('text')}
          onChange={(text) => media({ text })}
        />
        <SelectInput
          label="Speaker of each region"
          path={`${at}.speakers`}
          value={q.media.speakers}
          options={needs}
          errors={msg('speakers')}
          onChange={(speakers) => media({ speakers })}
        />
        <SelectInput
          label="Shown as"
          path={`${at}.mode`}
          value={q.media.mode || 'regions'}
          options={segmentModes}
          errors={msg('mode')}
          onChange={(mode) => media({ mode })}
        />
      </div>
      {(q.media.speakers !== 'none' || q.media.speakerNames !== undefined) && (
        <LinesInput
          label="Speakers to choose from, one per line"
          hint="None: annotators name speakers themselves (letters, digits, _, . or -)"
          path={`${at}.speakerNames`}
          lines={q.media.speakerLines}
          errors={msg('speakerNames')}
          onChange={(speakerLines, names) =>
            media({ speakerLines, speakerNames: names.length > 0 ? names : undefined })
          }
        />
      )}
    </>
  );
}
