import { describeValue, isPlainObject, listForMessage } from '../field-error.ts';
import type { AnswerCheck, AnswerIssue } from './kind.ts';

/** One region of a recording or video, in seconds, `end` exclusive. */
export interface SegmentAnswer {
  start: number;
  end: number;
  label?: string;
  speaker?: string;
  text?: string;
}

/** Limits of a segments answer (docs/media.md). */
export const SEGMENT_LIMITS = { maxSegments: 10_000, maxTextLength: 10_000 } as const;

/** A speaker's name: one RTTM token. */
export const SPEAKER_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

interface SegmentRules {
  name: string;
  labels?: readonly string[] | undefined;
  allowOverlap: boolean;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  text: 'none' | 'optional' | 'required';
  speakers: 'none' | 'optional' | 'required';
  speakerNames?: readonly string[] | undefined;
}

const KEYS = new Set(['start', 'end', 'label', 'speaker', 'text']);
/** Times are kept to the microsecond, so equal regions compare equal everywhere. */
const micro = (s: number) => Math.round(s * 1e6) / 1e6;
/** Lengths compare with half a microsecond of slack for the rounding above. */
const SLACK = 5e-7;

/**
 * Validates a segments answer; the normalised value is sorted by start, end, label, speaker, with
 * times rounded to the microsecond. `duration` (seconds), when known, bounds every end.
 */
export function checkSegments(
  answer: unknown,
  rules: SegmentRules,
  partial: boolean,
  duration: number | null,
): AnswerCheck {
  if (!Array.isArray(answer))
    return {
      ok: false,
      issues: [{ message: `expected an array of segments, got ${describeValue(answer)}` }],
    };
  if (answer.length > SEGMENT_LIMITS.maxSegments)
    return {
      ok: false,
      issues: [{ message: `${answer.length} segments; at most ${SEGMENT_LIMITS.maxSegments} are allowed` }],
    };
  const issues: AnswerIssue[] = [];
  const valid: { seg: SegmentAnswer; index: number }[] = [];
  answer.forEach((raw: unknown, index) => {
    const at = `[${index}]`;
    const found = checkSegment(raw, at, rules, partial, duration);
    if (typeof found === 'object' && !Array.isArray(found)) valid.push({ seg: found, index });
    else issues.push(...found);
  });
  valid.sort((a, b) => compareSegments(a.seg, b.seg));
  let furthest: { seg: SegmentAnswer; index: number } | undefined;
  valid.forEach((cur, i) => {
    const prev = valid[i - 1];
    const at = `[${cur.index}]`;
    if (prev && compareSegments(prev.seg, cur.seg) === 0) {
      issues.push({ at, message: `${describe(cur.seg)} appears twice (also ${rules.name}[${prev.index}])` });
      return;
    }
    if (!rules.allowOverlap && furthest && furthest.seg.end > cur.seg.start)
      issues.push({
        at,
        message: `${describe(cur.seg)} overlaps ${describe(furthest.seg)} (${rules.name}[${furthest.index}]) and this question does not allow overlap`,
      });
    if (!furthest || cur.seg.end > furthest.seg.end) furthest = cur;
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: valid.map((v) => v.seg) };
}

function checkSegment(
  raw: unknown,
  at: string,
  rules: SegmentRules,
  partial: boolean,
  duration: number | null,
): SegmentAnswer | AnswerIssue[] {
  if (!isPlainObject(raw))
    return [{ at, message: `expected a segment {start, end, …}, got ${describeValue(raw)}` }];
  const issues: AnswerIssue[] = Object.keys(raw)
    .filter((k) => !KEYS.has(k))
    .map((k) => ({
      at: `${at}.${k}`,
      message: 'unknown property; a segment has start, end, label, speaker and text',
    }));
  const time = (key: 'start' | 'end'): number | undefined => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1e6) {
      issues.push({
        at: `${at}.${key}`,
        message: `expected seconds from 0 to 1000000, got ${describeValue(v)}`,
      });
      return undefined;
    }
    return micro(v);
  };
  const start = time('start');
  const end = time('end');
  if (start !== undefined && end !== undefined) {
    const length = end - start;
    if (length <= 0) issues.push({ at, message: `start ${start} must be before end ${end}` });
    else if (rules.minLength !== undefined && length < rules.minLength - SLACK)
      issues.push({ at, message: `${micro(length)} s long; the shortest allowed is ${rules.minLength} s` });
    else if (rules.maxLength !== undefined && length > rules.maxLength + SLACK)
      issues.push({ at, message: `${micro(length)} s long; the longest allowed is ${rules.maxLength} s` });
    if (duration !== null && end > micro(duration) + 1e-3)
      issues.push({ at: `${at}.end`, message: `${end} s is past the end of the media (${duration} s)` });
  }
  const seg: SegmentAnswer = { start: start ?? 0, end: end ?? 0 };
  const { label, speaker, text } = raw;
  if (rules.labels === undefined) {
    if (label !== undefined) issues.push({ at: `${at}.label`, message: 'this question has no labels' });
  } else if (label === undefined) {
    if (!partial)
      issues.push({
        at: `${at}.label`,
        message: `a label is required: one of ${listForMessage(rules.labels)}`,
      });
  } else if (typeof label !== 'string' || !rules.labels.includes(label))
    issues.push({
      at: `${at}.label`,
      message: `${describeValue(label)} is not one of the labels ${listForMessage(rules.labels)}`,
    });
  else seg.label = label;
  if (rules.speakers === 'none') {
    if (speaker !== undefined)
      issues.push({ at: `${at}.speaker`, message: 'this question does not ask for speakers' });
  } else if (speaker === undefined) {
    if (rules.speakers === 'required' && !partial)
      issues.push({ at: `${at}.speaker`, message: 'a speaker is required' });
  } else if (rules.speakerNames !== undefined) {
    if (typeof speaker !== 'string' || !rules.speakerNames.includes(speaker))
      issues.push({
        at: `${at}.speaker`,
        message: `${describeValue(speaker)} is not one of the speakers ${listForMessage(rules.speakerNames)}`,
      });
    else seg.speaker = speaker;
  } else if (typeof speaker !== 'string' || !SPEAKER_NAME.test(speaker))
    issues.push({
      at: `${at}.speaker`,
      message: `${describeValue(speaker)} is not a speaker name (1-64 letters, digits, _, . or -)`,
    });
  else seg.speaker = speaker;
  if (rules.text === 'none') {
    if (text !== undefined) issues.push({ at: `${at}.text`, message: 'this question does not ask for text' });
  } else if (text !== undefined && typeof text !== 'string')
    issues.push({ at: `${at}.text`, message: `expected text, got ${describeValue(text)}` });
  else if (typeof text === 'string' && text.length > SEGMENT_LIMITS.maxTextLength)
    issues.push({
      at: `${at}.text`,
      message: `${text.length} characters; at most ${SEGMENT_LIMITS.maxTextLength} are allowed`,
    });
  else if (rules.text === 'required' && !partial && (text === undefined || text.trim() === ''))
    issues.push({ at: `${at}.text`, message: 'the text is required' });
  else if (typeof text === 'string') seg.text = text;
  return issues.length > 0 ? issues : seg;
}

const fmt = (s: number) => String(Math.round(s * 1000) / 1000);
const describe = (s: SegmentAnswer) =>
  `segment ${fmt(s.start)}-${fmt(s.end)} s${s.label ? ` ${s.label}` : ''}`;
const cmp = (a: string | undefined, b: string | undefined) =>
  (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;

/** Orders by start, end, label, then speaker (code units, so the order is the same everywhere). */
export function compareSegments(a: SegmentAnswer, b: SegmentAnswer): number {
  return a.start - b.start || a.end - b.end || cmp(a.label, b.label) || cmp(a.speaker, b.speaker);
}
