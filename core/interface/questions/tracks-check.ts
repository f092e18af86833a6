import { describeValue, isPlainObject, listForMessage } from '../field-error.ts';
import type { AnswerIssue } from './kind.ts';

/** A box in the video's pixels, from its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A keyframe: the box at that frame, or `outside` (the object has left; the track pauses). */
export type Keyframe = ({ frame: number } & Box & { outside?: undefined }) | { frame: number; outside: true };

export interface TrackAnswer {
  id: string;
  label: string;
  keyframes: Keyframe[];
}

const TRACK_ID = /^[A-Za-z0-9_.-]{1,64}$/;
/** Limits of a tracks answer (docs/media.md); a question's maxTracks is at most maxTracks. */
export const TRACK_LIMITS = { maxTracks: 1000, maxKeyframes: 10_000 } as const;
const hundredth = (v: number) => Math.round(v * 100) / 100;

interface Picture {
  width: number | null;
  height: number | null;
}

/** A checked track (keyframes sorted by frame, coordinates to the hundredth of a pixel) or its problems. */
export function checkTrack(
  raw: Record<string, unknown>,
  at: string,
  labels: readonly string[],
  picture: Picture,
  frameProblem: (frame: unknown) => string | undefined,
): TrackAnswer | AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  for (const k of Object.keys(raw))
    if (k !== 'id' && k !== 'label' && k !== 'keyframes')
      issues.push({ at: `${at}.${k}`, message: 'unknown property; a track has id, label and keyframes' });
  const { id, label, keyframes } = raw;
  if (typeof id !== 'string' || !TRACK_ID.test(id))
    issues.push({
      at: `${at}.id`,
      message: `expected a track id (1-64 letters, digits, _, . or -), got ${describeValue(id)}`,
    });
  if (typeof label !== 'string' || !labels.includes(label))
    issues.push({
      at: `${at}.label`,
      message: `${describeValue(label)} is not one of the labels ${listForMessage(labels)}`,
    });
  if (!Array.isArray(keyframes) || keyframes.length === 0) {
    issues.push({
      at: `${at}.keyframes`,
      message: Array.isArray(keyframes)
        ? 'a track needs at least one keyframe'
        : `expected an array of keyframes, got ${describeValue(keyframes)}`,
    });
    return issues;
  }
  if (keyframes.length > TRACK_LIMITS.maxKeyframes) {
    issues.push({
      at: `${at}.keyframes`,
      message: `${keyframes.length} keyframes; at most ${TRACK_LIMITS.maxKeyframes} are allowed`,
    });
    return issues;
  }
  const out: { kf: Keyframe; index: number }[] = [];
  keyframes.forEach((k: unknown, i) => {
    const kat = `${at}.keyframes[${i}]`;
    const found = checkKeyframe(k, kat, picture, frameProblem);
    if (Array.isArray(found)) issues.push(...found);
    else out.push({ kf: found, index: i });
  });
  out.sort((a, b) => a.kf.frame - b.kf.frame);
  out.forEach((cur, i) => {
    const prev = out[i - 1];
    const kat = `${at}.keyframes[${cur.index}]`;
    if (prev && prev.kf.frame === cur.kf.frame)
      issues.push({
        at: `${kat}.frame`,
        message: `frame ${cur.kf.frame} has two keyframes (also keyframes[${prev.index}])`,
      });
    else if (cur.kf.outside && (!prev || prev.kf.outside))
      issues.push({
        at: kat,
        message: prev
          ? 'an outside keyframe must follow a box (the track is already outside)'
          : 'a track must start with a box, not outside',
      });
  });
  if (issues.length > 0) return issues;
  return { id: id as string, label: label as string, keyframes: out.map((o) => o.kf) };
}

function checkKeyframe(
  k: unknown,
  at: string,
  picture: Picture,
  frameProblem: (frame: unknown) => string | undefined,
): Keyframe | AnswerIssue[] {
  if (!isPlainObject(k))
    return [
      {
        at,
        message: `expected a keyframe {frame, x, y, width, height} or {frame, outside: true}, got ${describeValue(k)}`,
      },
    ];
  const issues: AnswerIssue[] = [];
  const problem = frameProblem(k.frame);
  if (problem) issues.push({ at: `${at}.frame`, message: problem });
  if (k.outside !== undefined) {
    if (k.outside !== true)
      issues.push({ at: `${at}.outside`, message: `expected true, got ${describeValue(k.outside)}` });
    for (const key of Object.keys(k))
      if (key !== 'frame' && key !== 'outside')
        issues.push({ at: `${at}.${key}`, message: 'an outside keyframe has only frame and outside' });
    return issues.length > 0 ? issues : { frame: k.frame as number, outside: true };
  }
  for (const key of Object.keys(k))
    if (!['frame', 'x', 'y', 'width', 'height'].includes(key))
      issues.push({
        at: `${at}.${key}`,
        message: 'unknown property; a keyframe has frame, x, y, width, height (or outside)',
      });
  const num = (key: 'x' | 'y' | 'width' | 'height', positive: boolean): number => {
    const v = k[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e5 || (positive && v <= 0)) {
      issues.push({
        at: `${at}.${key}`,
        message: `expected ${positive ? 'a positive number of pixels' : 'pixels'}, got ${describeValue(v)}`,
      });
      return 0;
    }
    return hundredth(v);
  };
  const box = {
    x: num('x', false),
    y: num('y', false),
    width: num('width', true),
    height: num('height', true),
  };
  if (issues.length > 0) return issues;
  const { width: W, height: H } = picture;
  if (
    (W !== null && (box.x >= W || box.x + box.width <= 0)) ||
    (H !== null && (box.y >= H || box.y + box.height <= 0))
  )
    return [
      {
        at,
        message: `the box (${box.x}, ${box.y}, ${box.width}×${box.height}) lies outside the ${W ?? '?'}×${H ?? '?'} picture`,
      },
    ];
  return { frame: k.frame as number, ...box };
}
