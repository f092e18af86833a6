import { z } from 'zod';
import { describeValue, isPlainObject, ownValue } from '../field-error.ts';
import type { ChatTurn } from '../fields/chat.ts';
import { distinctStrings, Identifier } from '../names.ts';
import { checkNote, isBlankText } from './candidates.ts';
import { type AnswerIssue, accept, type QuestionKind, questionCommon, reject } from './kind.ts';

/**
 * A question asked of every assistant turn of a chat field: a rating, flags, a rewrite, or any of
 * them. Answer: `{turns: [{turn, rating?, flags?, rewrite?}]}`, `turn` the index of the assistant
 * message in the conversation (from 0), sorted. With a rating asked, a submit rates every
 * assistant turn.
 */
export const TurnsQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('turns'),
    ...questionCommon,
    field: Identifier,
    rating: z
      .strictObject({ min: z.int().default(1), max: z.int().default(5) })
      .refine((r) => r.min < r.max, { message: 'max must be greater than min', path: ['max'] })
      .optional(),
    flags: distinctStrings('flag', { maxItems: 50, maxLength: 200 }).optional(),
    rewrite: z.boolean().default(false),
  })
  .refine((q) => q.rating !== undefined || q.flags !== undefined || q.rewrite, {
    message: 'ask at least one of rating, flags or rewrite',
    path: ['rating'],
  })
  .meta({ id: 'TurnsQuestion' });
export type TurnsQuestion = z.output<typeof TurnsQuestion>;

export interface TurnMark {
  turn: number;
  rating?: number;
  flags?: string[];
  rewrite?: string;
}

/** The indexes of the assistant turns of a conversation. */
export const assistantTurns = (chat: readonly ChatTurn[]): number[] =>
  chat.flatMap((t, i) => (t.role === 'assistant' ? [i] : []));

/** What a question asks of each turn it marks (a `turns` or a `live` question). */
export type TurnAsks = Pick<TurnsQuestion, 'rating' | 'flags' | 'rewrite'>;

/** One mark `{turn, rating?, flags?, rewrite?}` checked against what `q` asks and the turns it may mark. */
export function checkMark(
  m: unknown,
  q: TurnAsks,
  assistant: ReadonlySet<number>,
  at: string,
): [TurnMark | undefined, AnswerIssue[]] {
  if (!isPlainObject(m))
    return [
      undefined,
      [{ at, message: `expected {turn, rating?, flags?, rewrite?}, got ${describeValue(m)}` }],
    ];
  const turn = ownValue(m, 'turn');
  if (typeof turn !== 'number' || !assistant.has(turn))
    return [
      undefined,
      [
        {
          at: `${at}.turn`,
          message: `must be the index of an assistant turn (${[...assistant].join(', ') || 'none'}), got ${describeValue(turn)}`,
        },
      ],
    ];
  const out: TurnMark = { turn };
  const issues: AnswerIssue[] = [];
  for (const key of Object.keys(m))
    if (!['turn', 'rating', 'flags', 'rewrite'].includes(key))
      issues.push({ at: `${at}.${key}`, message: 'unknown property' });
  const rating = ownValue(m, 'rating');
  if (rating !== undefined && rating !== null) {
    const r = q.rating;
    if (!r) issues.push({ at: `${at}.rating`, message: 'this question asks no rating' });
    else if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < r.min || rating > r.max)
      issues.push({
        at: `${at}.rating`,
        message: `must be a whole number from ${r.min} to ${r.max}, got ${describeValue(rating)}`,
      });
    else out.rating = rating;
  }
  const flags = ownValue(m, 'flags');
  if (flags !== undefined) {
    const allowed = q.flags ?? [];
    if (!Array.isArray(flags))
      issues.push({ at: `${at}.flags`, message: `expected a list of flags, got ${describeValue(flags)}` });
    else {
      const bad = flags.find((f) => typeof f !== 'string' || !allowed.includes(f));
      if (bad !== undefined)
        issues.push({
          at: `${at}.flags`,
          message: `unknown flag ${describeValue(bad)}; the flags are ${allowed.join(', ') || 'none'}`,
        });
      else if (flags.length > 0) out.flags = allowed.filter((f) => flags.includes(f));
    }
  }
  const rewrite = ownValue(m, 'rewrite');
  if (rewrite !== undefined) {
    const problem = q.rewrite ? checkNote(rewrite, 'rewrite') : 'this question asks no rewrite';
    if (problem) issues.push({ at: `${at}.rewrite`, message: problem });
    else if (!isBlankText(rewrite)) out.rewrite = rewrite as string;
  }
  return [out, issues];
}

/**
 * A list of marks checked against what `q` asks, on the turns in `assistant`: each turn marked at
 * most once; with a rating asked, a submit (not `partial`) rates every one. The marks that carry
 * something, sorted by turn.
 */
export function checkMarks(
  marks: readonly unknown[],
  q: TurnAsks,
  assistant: readonly number[],
  partial: boolean,
  what = 'assistant turn',
): { marks: TurnMark[]; issues: AnswerIssue[] } {
  const allowed = new Set(assistant);
  const issues: AnswerIssue[] = [];
  const out = new Map<number, TurnMark>();
  marks.forEach((m: unknown, i) => {
    const [mark, problems] = checkMark(m, q, allowed, `.turns[${i}]`);
    issues.push(...problems);
    if (!mark) return;
    if (out.has(mark.turn))
      issues.push({ at: `.turns[${i}].turn`, message: `turn ${mark.turn} is marked twice` });
    out.set(mark.turn, mark);
  });
  if (!partial && q.rating && issues.length === 0) {
    const unrated = assistant.filter((t) => out.get(t)?.rating === undefined);
    if (unrated.length > 0)
      issues.push({
        at: '.turns',
        message: `rate every ${what}; turn${unrated.length > 1 ? 's' : ''} ${unrated.join(', ')} ${unrated.length > 1 ? 'are' : 'is'} unrated`,
      });
  }
  const kept = [...out.values()].filter((m) => Object.keys(m).length > 1).sort((a, b) => a.turn - b.turn);
  return { marks: kept, issues };
}

export const turns: QuestionKind<typeof TurnsQuestion> = {
  type: 'turns',
  config: TurnsQuestion,
  validate(answer, q, ctx) {
    const marks = isPlainObject(answer) ? ownValue(answer, 'turns') : undefined;
    if (!Array.isArray(marks)) return reject(`expected {turns: [{turn, …}]}, got ${describeValue(answer)}`);
    const chat = ownValue(ctx.data, q.field);
    const assistant = Array.isArray(chat) ? assistantTurns(chat as ChatTurn[]) : [];
    const checked = checkMarks(marks, q, assistant, ctx.partial);
    if (checked.issues.length > 0) return { ok: false, issues: checked.issues };
    return accept({ turns: checked.marks });
  },
  isBlank: (answer) => isPlainObject(answer) && Array.isArray(answer.turns) && answer.turns.length === 0,
  fieldRefs: (q) => [{ key: 'field', name: q.field, types: ['chat'] }],
};
