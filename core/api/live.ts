import { z } from 'zod';
import { CHAT_LIMITS, CHAT_ROLES, LIVE_LIMITS } from '../interface/index.ts';
import { Id } from './common.ts';
import { modelErrorKinds } from './models.ts';

/**
 * Live mode (docs/live.md): the tutor's conversation with the project's live model connection,
 * one reply at a time, streamed as JSON lines.
 */

/** One message as the tutor's draft holds it; the `live` question kind checks the rest. */
export const LiveMessageBody = z
  .object({
    role: z.enum(CHAT_ROLES),
    content: z.string(),
    model: z.string().optional(),
    latencyMs: z.number().optional(),
    promptTokens: z.number().nullable().optional(),
    completionTokens: z.number().nullable().optional(),
  })
  .meta({ id: 'LiveMessage' });

/** Most messages a request may carry: the item's turns, a system prompt, and both sides' turns. */
export const LIVE_MAX_MESSAGES = CHAT_LIMITS.turns + 1 + 2 * LIVE_LIMITS.turns;

export const LiveReplyBody = z
  .strictObject({
    question: z
      .string()
      .max(200)
      .optional()
      .describe("the live question asked; by default the interface's first"),
    messages: z
      .array(LiveMessageBody)
      .min(1)
      .max(LIVE_MAX_MESSAGES)
      .describe("the conversation so far, the item's turns first; the last is the tutor's message to answer"),
    turns: z
      .array(z.object({ turn: z.int(), rewrite: z.string().optional() }).loose())
      .max(LIVE_LIMITS.turns)
      .default([])
      .describe("the draft's marks; a rewritten reply is sent to the model in place of the model's"),
  })
  .meta({ id: 'LiveReplyRequest' });

export const LiveConnectionBody = z.strictObject({
  connectionId: Id.nullable().describe('the model connection live questions talk to; null: none'),
});
export const LiveConnection = z
  .object({
    connectionId: Id.nullable(),
    name: z.string().nullable().describe("the connection's name, or null when none is set or it was removed"),
    model: z.string().nullable(),
    choices: z
      .array(z.object({ id: Id, name: z.string(), model: z.string() }))
      .describe('the connections a manager may choose from (name and model only); empty for others'),
  })
  .meta({ id: 'LiveConnection' });

/** The model's reply, complete: what the answer keeps of it. */
export const LiveTurn = z.object({
  role: z.literal('assistant'),
  content: z.string(),
  model: z.string(),
  latencyMs: z.number(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  finishReason: z.string().nullable(),
});

/** Why a reply failed, in a closed set (the model call's own, and the server's `internal`). */
export const LIVE_ERROR_KINDS = [...modelErrorKinds, 'internal'] as const;

/**
 * Each JSON line of a live reply: `delta`s of text as the model sends them, then one `done` with
 * the complete turn, or one `error` naming the cause in words.
 */
export const LiveEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('delta'), text: z.string() }),
    z.object({ type: z.literal('done'), turn: LiveTurn }),
    z.object({ type: z.literal('error'), kind: z.enum(LIVE_ERROR_KINDS), message: z.string() }),
  ])
  .meta({ id: 'LiveEvent' });
export type LiveEvent = z.output<typeof LiveEvent>;
