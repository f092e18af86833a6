import {
  type InterfaceDefinition,
  isMediaQuestionType,
  type MediaQuestionType,
} from '../../../../core/interface/index.ts';

/**
 * Which questions share a video field's player (docs/media.md, "Video"), pure. Every question over
 * one video field plays the same clip: one <video>, one clock. The first question over the field
 * shows the picture; a tracks question draws its boxes over it.
 */

export type VideoQuestionType = MediaQuestionType;

export interface ClipQuestion {
  name: string;
  type: VideoQuestionType;
}

/** A video field and the questions over it, in the interface's order. */
export interface ClipPlan {
  field: string;
  questions: ClipQuestion[];
}

const isVideoType = isMediaQuestionType;

/** The video fields some question is asked about, each with its questions (fields in the order first asked). */
export function videoClipsOf(iface: InterfaceDefinition): ClipPlan[] {
  const video = new Set(iface.fields.filter((f) => f.type === 'video').map((f) => f.name));
  const plans = new Map<string, ClipQuestion[]>();
  for (const q of iface.questions) {
    if (!isVideoType(q.type)) continue;
    const field = (q as { field: string }).field;
    if (!video.has(field)) continue;
    const list = plans.get(field) ?? [];
    list.push({ name: q.name, type: q.type });
    plans.set(field, list);
  }
  return [...plans].map(([field, questions]) => ({ field, questions }));
}

/** The question whose player shows the picture: the first over the field. */
export const pictureQuestion = (plan: ClipPlan): string | undefined => plan.questions[0]?.name;

/**
 * The tracks question whose boxes are drawn over the picture and edited there: the tracks question
 * last focused or used (`lastTracks`), else the first tracks question over the field; undefined
 * when none asks for tracks.
 */
export function overlayQuestion(plan: ClipPlan, lastTracks: string | undefined): string | undefined {
  const tracks = plan.questions.filter((q) => q.type === 'tracks');
  return tracks.find((q) => q.name === lastTracks)?.name ?? tracks[0]?.name;
}

/**
 * The tracks question to remember after `used` was focused or used: `used` when it is a tracks
 * question over the field, else the one remembered (a segments or frames question leaves the
 * overlay to the last tracks question).
 */
export function afterUse(plan: ClipPlan, lastTracks: string | undefined, used: string): string | undefined {
  return plan.questions.some((q) => q.name === used && q.type === 'tracks') ? used : lastTracks;
}
