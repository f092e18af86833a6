import { isMediaQuestionType } from '../../../../core/interface/index.ts';
/**
 * The settings of the questions over media (segments, frames, tracks) that the other kinds do not
 * share, as the builder's draft holds them. Their field, labels, overlap and longest region are
 * the draft's own `field`, `items`, `allowOverlap` and `maxLength`.
 */

import { type Extra, optionalText, text, typed } from './draft-values.ts';

export interface MediaDraft {
  /** segments: the shortest region in seconds, as typed. */
  minLength: string;
  /** segments: whether each region has a transcription, and a speaker ('none', 'optional', 'required'). */
  text: string;
  speakers: string;
  /** segments: the speakers to choose from, one per line; absent when none are listed. */
  speakerNames: string[] | undefined;
  speakerLines: string;
  /** segments: 'regions' or 'transcript'; frames: 'keyframes' or 'frames'; '' for the default. */
  mode: string;
  /** tracks: the most tracks an answer has, as typed. */
  maxTracks: string;
}

export const isMediaQuestion = isMediaQuestionType;

export const newMediaDraft = (): MediaDraft => ({
  minLength: '',
  text: 'none',
  speakers: 'none',
  speakerNames: undefined,
  speakerLines: '',
  mode: '',
  maxTracks: '',
});

export function mediaFromRaw(q: Extra): MediaDraft {
  const names = Array.isArray(q.speakerNames) ? q.speakerNames.map(text) : undefined;
  return {
    minLength: text(q.minLength),
    text: q.text === undefined ? 'none' : text(q.text),
    speakers: q.speakers === undefined ? 'none' : text(q.speakers),
    speakerNames: names,
    speakerLines: names?.join('\n') ?? '',
    mode: text(q.mode),
    maxTracks: text(q.maxTracks),
  };
}

/** The media settings of a question of `type`, written into `out`. */
export function mediaToRaw(
  q: {
    type: string;
    field: string;
    items: string[];
    allowOverlap: boolean;
    maxLength: string;
    media: MediaDraft;
  },
  out: Extra,
): void {
  const m = q.media;
  const set = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  out.field = q.field;
  // A segments question may go without labels (a transcript); the others always have them.
  if (q.type !== 'segments' || q.items.length > 0) out.labels = q.items;
  if (q.type === 'segments') {
    out.allowOverlap = q.allowOverlap;
    set('minLength', typed(m.minLength));
    set('maxLength', typed(q.maxLength));
    out.text = m.text;
    out.speakers = m.speakers;
    set('speakerNames', m.speakerNames);
  }
  if (q.type !== 'tracks') set('mode', optionalText(m.mode));
  else set('maxTracks', typed(m.maxTracks));
}
