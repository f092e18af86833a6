import { z } from 'zod';
import { DisplayName, nameProblem } from '../names.ts';
import { Id, IsoTime } from './common.ts';

/**
 * Model connections (docs/models.md): an OpenAI-compatible chat-completions endpoint an admin
 * adds. The API key goes in (create, or replace on update) and never comes out: answers say
 * only `hasApiKey`.
 */

/** Why a call to a model failed, in a closed set (server/models/model-call.ts words each). */
export const modelErrorKinds = [
  'unreachable',
  'timeout',
  'unauthorized',
  'model_not_found',
  'rate_limited',
  'server_error',
  'bad_request',
  'malformed_reply',
  'schema_mismatch',
  'blocked_address',
] as const;
export const ModelErrorKind = z.enum(modelErrorKinds);
export type ModelErrorKind = z.infer<typeof ModelErrorKind>;

/** An endpoint's base URL: http or https, no credentials, no query or fragment. */
export function baseUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute http or https URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username !== '' || url.password !== '')
    return 'must not hold a user name or password; give the key as the API key';
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#'))
    return 'must not hold a query or a fragment';
  return null;
}

export const BaseUrl = z
  .string()
  .trim()
  .max(2000)
  .superRefine((text, ctx) => {
    const problem = baseUrlProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((text) => text.replace(/\/+$/, ''))
  .meta({
    description: 'http(s)://host[:port]/path, e.g. http://gpu-box:8000/v1; no credentials, query or fragment',
  });

export const ModelName = z
  .string()
  .trim()
  .superRefine((name, ctx) => {
    const problem = nameProblem(name, 200);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: 'the model as the endpoint names it (e.g. meta-llama/Llama-3.1-8B-Instruct)' });

/** The chat-completion parameters a connection may set by default, with their ranges. */
export const ModelParams = z
  .strictObject({
    temperature: z.number().min(0).max(2),
    top_p: z.number().min(0).max(1),
    max_tokens: z.number().int().min(1).max(1_000_000),
    max_completion_tokens: z.number().int().min(1).max(1_000_000),
    seed: z
      .number()
      .int()
      .min(-(2 ** 53) + 1)
      .max(2 ** 53 - 1),
    stop: z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(4)]),
    presence_penalty: z.number().min(-2).max(2),
    frequency_penalty: z.number().min(-2).max(2),
  })
  .partial()
  .refine((p) => p.max_tokens === undefined || p.max_completion_tokens === undefined, {
    message: 'set max_tokens or max_completion_tokens, not both',
    path: ['max_completion_tokens'],
  })
  .meta({ id: 'ModelParams' });
export type ModelParams = z.infer<typeof ModelParams>;
export const modelParamNames = [
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'seed',
  'stop',
  'presence_penalty',
  'frequency_penalty',
] as const;

export const ModelConnection = z
  .object({
    id: z.number().int(),
    name: z.string(),
    baseUrl: z.string(),
    model: z.string(),
    hasApiKey: z.boolean().describe('whether a key is stored; the key itself is never returned'),
    params: z.record(z.string(), z.unknown()).describe('default chat-completion parameters'),
    concurrency: z.number().int().describe('most calls at once, per server process'),
    requestsPerMinute: z.number().int().nullable().describe('most calls started per minute; null: no limit'),
    timeoutMs: z.number().int(),
    allowPrivateNetwork: z
      .boolean()
      .describe('the endpoint may be on a private, loopback or link-local address (an admin’s choice)'),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .meta({ id: 'ModelConnection' });
export type ModelConnection = z.infer<typeof ModelConnection>;

const ApiKey = z
  .string()
  .min(1)
  .max(4096)
  .refine((k) => !/[\s\p{Cc}]/u.test(k), 'must not hold spaces or control characters')
  .describe('stored encrypted; never returned');

const Limits = {
  concurrency: z.number().int().min(1).max(256),
  requestsPerMinute: z.number().int().min(1).max(1_000_000).nullable(),
  timeoutMs: z.number().int().min(1000).max(3_600_000),
};

export const CreateModelConnectionBody = z.object({
  name: DisplayName,
  baseUrl: BaseUrl,
  model: ModelName,
  apiKey: ApiKey.optional(),
  params: ModelParams.default({}),
  concurrency: Limits.concurrency.default(4),
  requestsPerMinute: Limits.requestsPerMinute.default(null),
  timeoutMs: Limits.timeoutMs.default(60_000),
  allowPrivateNetwork: z.boolean().default(false),
});

export const UpdateModelConnectionBody = z
  .object({
    name: DisplayName,
    baseUrl: BaseUrl,
    model: ModelName,
    apiKey: ApiKey.nullable().describe('a new key replaces the stored one; null removes it; absent: kept'),
    params: ModelParams,
    concurrency: Limits.concurrency,
    requestsPerMinute: Limits.requestsPerMinute,
    timeoutMs: Limits.timeoutMs,
    allowPrivateNetwork: z.boolean(),
  })
  .partial();

export const ModelConnectionParams = z.object({ connectionId: Id });
export const ModelConnectionList = z.object({ items: z.array(ModelConnection) });

export const ModelTestResult = z
  .discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      latencyMs: z.number().int(),
      model: z.string().describe('the model the endpoint says answered'),
      reply: z.string().describe('the start of its reply'),
    }),
    z.object({
      ok: z.literal(false),
      kind: ModelErrorKind,
      message: z.string().describe('what went wrong, as a sentence (never the key)'),
    }),
  ])
  .meta({ id: 'ModelTestResult' });
export type ModelTestResult = z.infer<typeof ModelTestResult>;
