import { z } from 'zod';
import { describeValue, isPlainObject, ownValue } from '../field-error.ts';
import { CHAT_ROLES } from '../fields/chat.ts';
import { distinctStrings, Identifier } from '../names.ts';
import { type AnswerIssue, accept, type QuestionKind, questionCommon, reject } from './kind.ts';
import { LIVE_LIMITS, type LiveMessage, livePrefix, modelTurns } from './live-conversation.ts';
import { checkMarks } from './turns.ts';

/**
 * A conversation the tutor holds with a connected model (docs/live.md), over the item's opening
 * turns (`field`, a chat field, optional; `system`, a system prompt used unless the chat opens with
 * one), then a rating, flags or a rewrite of each reply of the model, as a `turns` question asks
 * them. The answer is the whole conversation, `{messages, turns}`. Which model answers is the
 * project's setting (its live connection), not the interface's.
 */
export const LiveQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('live'),
    ...questionCommon,
    field: Identifier.optional().describe("the chat field holding the conversation's opening turns"),
    system: z.string().max(LIVE_LIMITS.messageLength).optional(),
    maxTurns: z.int().min(1).max(LIVE_LIMITS.turns).default(10),
    maxLength: z.int().min(1).max(LIVE_LIMITS.messageLength).default(8000),
    rating: z
      .strictObject({ min: z.int().default(1), max: z.int().default(5) })
      .refine((r) => r.min < r.max, { message: 'max must be greater than min', path: ['max'] })
      .optional(),
    flags: distinctStrings('flag', { maxItems: 50, maxLength: 200 }).optional(),
    rewrite: z.boolean().default(false),
  })
  .meta({ id: 'LiveQuestion' });
export type LiveQuestion = z.output<typeof LiveQuestion>;

const MESSAGE_KEYS = ['role', 'content', 'model', 'latencyMs', 'promptTokens', 'completionTokens'];
const COUNTS = ['latencyMs', 'promptTokens', 'completionTokens'] as const;

/** The tutor's message or the model's reply at `at`, checked; the expected role is `role`. */
function checkMessage(
  m: unknown,
  role: 'user' | 'assistant',
  q: LiveQuestion,
  at: string,
): [LiveMessage | undefined, AnswerIssue[]] {
  if (!isPlainObject(m))
    return [undefined, [{ at, message: `expected {role, content}, got ${describeValue(m)}` }]];
  const issues: AnswerIssue[] = [];
  const unknown = Object.keys(m).find((k) => !MESSAGE_KEYS.includes(k));
  if (unknown !== undefined) issues.push({ at: `${at}.${unknown}`, message: 'unknown property' });
  const given = ownValue(m, 'role');
  if (!(CHAT_ROLES as readonly unknown[]).includes(given) || given === 'system')
    return [
      undefined,
      [{ at: `${at}.role`, message: `must be user or assistant, got ${describeValue(given)}` }],
    ];
  if (given !== role)
    return [
      undefined,
      [
        {
          at: `${at}.role`,
          message: `must be ${role}: the tutor and the model take turns, and ${role === 'user' ? 'the model has answered' : 'the tutor wrote'} the message before`,
        },
      ],
    ];
  const content = ownValue(m, 'content');
  const max = role === 'user' ? q.maxLength : LIVE_LIMITS.replyLength;
  if (typeof content !== 'string')
    return [undefined, [{ at: `${at}.content`, message: `must be a string, got ${describeValue(content)}` }]];
  if (content.length > max)
    issues.push({
      at: `${at}.content`,
      message: `is ${content.length} characters long, above the maximum ${max}`,
    });
  if (role === 'user') {
    if (content.trim() === '') issues.push({ at: `${at}.content`, message: 'must not be blank' });
    for (const key of ['model', ...COUNTS])
      if (ownValue(m, key) !== undefined)
        issues.push({ at: `${at}.${key}`, message: "only the model's replies carry it" });
    return [{ role, content }, issues];
  }
  const model = ownValue(m, 'model');
  if (typeof model !== 'string' || model === '' || model.length > LIVE_LIMITS.modelName)
    issues.push({
      at: `${at}.model`,
      message: `must name the model that replied (1 to ${LIVE_LIMITS.modelName} characters), got ${describeValue(model)}`,
    });
  const out: LiveMessage = { role, content, model: model as string };
  for (const key of COUNTS) {
    const v = ownValue(m, key);
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      issues.push({ at: `${at}.${key}`, message: `must be a whole number from 0, got ${describeValue(v)}` });
    else out[key] = v;
  }
  return [out, issues];
}

/** The conversation checked: the item's prefix unchanged, then the tutor and the model in turn. */
function checkMessages(
  messages: readonly unknown[],
  q: LiveQuestion,
  data: Record<string, unknown>,
): { messages: LiveMessage[]; prefix: number; issues: AnswerIssue[] } {
  const prefix = livePrefix(q, data);
  const issues: AnswerIssue[] = [];
  const out: LiveMessage[] = [];
  for (let i = 0; i < prefix.length; i++) {
    const m = messages[i];
    const p = prefix[i]!;
    const same =
      isPlainObject(m) &&
      Object.keys(m).length === 2 &&
      ownValue(m, 'role') === p.role &&
      ownValue(m, 'content') === p.content;
    if (!same) {
      const message = `must be the item's opening turn ${i + 1} as it is (${p.role}); the item's turns cannot be changed`;
      return { messages: out, prefix: prefix.length, issues: [{ at: `.messages[${i}]`, message }] };
    }
    out.push({ role: p.role, content: p.content });
  }
  let userTurns = 0;
  let characters = 0;
  for (let i = prefix.length; i < messages.length; i++) {
    const role = out[i - 1]?.role === 'user' ? 'assistant' : 'user';
    const [message, problems] = checkMessage(messages[i], role, q, `.messages[${i}]`);
    issues.push(...problems);
    if (!message) break;
    out.push(message);
    characters += message.content.length;
    if (role === 'user') userTurns++;
  }
  if (userTurns > q.maxTurns)
    issues.push({
      at: '.messages',
      message: `has ${userTurns} messages of the tutor, above the maximum ${q.maxTurns}`,
    });
  if (characters > LIVE_LIMITS.characters)
    issues.push({
      at: '.messages',
      message: `has ${characters} characters after the item's turns, above the limit of ${LIVE_LIMITS.characters}`,
    });
  return { messages: out, prefix: prefix.length, issues };
}

export const live: QuestionKind<typeof LiveQuestion> = {
  type: 'live',
  config: LiveQuestion,
  validate(answer, q, ctx) {
    const messages = isPlainObject(answer) ? ownValue(answer, 'messages') : undefined;
    const marks = isPlainObject(answer) ? (ownValue(answer, 'turns') ?? []) : undefined;
    if (!Array.isArray(messages) || !Array.isArray(marks))
      return reject(
        `expected {messages: [{role, content}, …], turns: [{turn, …}]}, got ${describeValue(answer)}`,
      );
    const extra = Object.keys(answer as object).find((k) => k !== 'messages' && k !== 'turns');
    if (extra !== undefined) return reject('unknown property', `.${extra}`);
    const checked = checkMessages(messages, q, ctx.data);
    if (checked.issues.length > 0) return { ok: false, issues: checked.issues };
    const replies = modelTurns(checked.messages, checked.prefix);
    const marked = checkMarks(marks, q, replies, ctx.partial, 'reply of the model');
    const issues = marked.issues;
    const last = checked.messages[checked.messages.length - 1];
    if (!ctx.partial && checked.messages.length > checked.prefix && last?.role === 'user')
      issues.push({
        at: `.messages[${checked.messages.length - 1}]`,
        message: 'has no reply from the model yet; send it and wait for the reply, or remove it',
      });
    if (issues.length > 0) return { ok: false, issues };
    return accept({ messages: checked.messages, turns: marked.marks });
  },
  /** No reply of the model yet: nothing was said with it. */
  isBlank: (answer) =>
    isPlainObject(answer) &&
    Array.isArray(answer.messages) &&
    !(answer.messages as unknown[]).some((m) => isPlainObject(m) && ownValue(m, 'model') !== undefined),
  fieldRefs: (q) => (q.field === undefined ? [] : [{ key: 'field', name: q.field, types: ['chat'] }]),
};
