import {
  compareSegments,
  type FrameLabel,
  type SegmentAnswer,
  type TrackAnswer,
} from '../interface/index.ts';
import { type FrameRate, frameCount, parseFrameRate } from '../media/frame-rate.ts';
import { itemMediaPath } from '../media/reference.ts';
import { type ExportInterface, type QuestionOf, questionsOf } from './item-view.ts';
import type { ExportedAnnotation, ExportedItem, ExportedMediaFacts } from './record.ts';

/**
 * What the media formats share: each submitted answer of a segments, frames or tracks question,
 * with the item, the annotator, the field's media URL and probed facts. Answers were validated
 * when submitted (core/interface/questions); here they are only read, defensively.
 */
export interface MediaAnswer<T> {
  item: ExportedItem;
  annotation: ExportedAnnotation;
  question: string;
  field: string;
  /** The field's type in the interface: `audio` or `video`. */
  fieldType: string;
  /** Where the media is served from: absolute with the export's origin, else a path. */
  url: string;
  facts: ExportedMediaFacts | undefined;
  /** The video's exact frame rate, or null when unknown (audio, not probed, a still). */
  rate: FrameRate | null;
  /** The video's last frame (frame count − 1), or null when its duration or rate is unknown. */
  lastFrame: number | null;
  answer: T;
}

type MediaKind = 'segments' | 'frames' | 'tracks';
type AnswerOf<K extends MediaKind> = K extends 'segments'
  ? SegmentAnswer[]
  : K extends 'frames'
    ? FrameLabel[]
    : TrackAnswer[];

/** The answers of questions of `kind`, each submitted annotation in turn, then question by question. */
export function* mediaAnswers<K extends MediaKind>(
  iface: ExportInterface,
  item: ExportedItem,
  kind: K,
  origin: string | undefined,
): Generator<MediaAnswer<AnswerOf<K>>> {
  const questions: { name: string; field: string }[] = questionsOf(iface, kind) as QuestionOf<MediaKind>[];
  if (questions.length === 0) return;
  for (const annotation of item.annotations) {
    if (annotation.status !== 'submitted') continue;
    for (const q of questions) {
      const raw = annotation.answers[q.name];
      if (!Array.isArray(raw)) continue;
      const answer = (kind === 'segments' ? segmentsIn(raw) : raw.filter(isObject)) as AnswerOf<K>;
      const field = q.field;
      const facts = item.media?.[field];
      const rate = parseFrameRate(facts?.frameRate);
      const count = rate && facts?.durationSeconds ? frameCount(facts.durationSeconds, rate) : null;
      yield {
        item,
        annotation,
        question: q.name,
        field,
        fieldType: iface.fields.find((f) => f.name === field)?.type ?? 'audio',
        url: `${origin ?? ''}${itemMediaPath(item.id, field)}`,
        facts,
        rate,
        lastFrame: count === null || count === 0 ? null : count - 1,
        answer,
      };
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored segments answer's segments in time order (as validation leaves them; sorted again here). */
export function segmentsIn(raw: unknown[]): SegmentAnswer[] {
  return raw
    .filter(
      (s): s is SegmentAnswer => isObject(s) && typeof s.start === 'number' && typeof s.end === 'number',
    )
    .sort(compareSegments);
}

/**
 * An item's name in file names and RTTM, unique within the project: its external id when that is
 * already a clean file word (external ids are unique per project), else `item-<id>` followed by the
 * cleaned external id, so `ep 1` and `ep_1` never meet. A clean external id that looks like another
 * item's fallback (`item-7…` on item 9) takes the fallback too.
 */
export function itemFileId(item: Pick<ExportedItem, 'id' | 'externalId'>): string {
  const x = item.externalId;
  if (x === null || x === '') return `item-${item.id}`;
  const fallback = /^item-(\d+)(-|$)/.exec(x);
  if (fileWord(x) === x && (!fallback || fallback[1] === String(item.id))) return x;
  return `item-${item.id}-${fileWord(x)}`;
}

/**
 * One word of a file name in an archive: characters other than letters, digits, `.`, `_`, `-`
 * and `@` become `_`, so no name climbs out of its folder or trips an unzip tool.
 */
export const fileWord = (text: string): string =>
  text.replace(/[^A-Za-z0-9._@-]/g, '_').replace(/^\.+/, (dots) => '_'.repeat(dots.length));

/** A length in seconds to the microsecond (as answers are kept), so 0.3 − 0.1 is written 0.2. */
export const micros = (seconds: number): number => Math.round(seconds * 1e6) / 1e6;
