import { createHash } from 'node:crypto';

/**
 * What the loopback OpenAI-compatible server (openai-server.ts) answers when a test does not say
 * otherwise: replies derived from the request alone (the same request, the same reply), token
 * counts as word counts, JSON that fits a `json_schema` response format, and OpenAI's error bodies.
 */

/** One chat completion request as the loopback server saw it. */
export interface SeenRequest {
  /** The parsed JSON body, as sent. */
  body: Record<string, any>;
  model: string;
  messages: { role: string; content: string }[];
  /** The last user message's text ('' when there is none). */
  prompt: string;
  stream: boolean;
  /** `response_format.json_schema` when the request asked for structured output. */
  jsonSchema: { name?: string; schema?: Record<string, unknown>; strict?: boolean } | null;
  /** Whether the request carried an Authorization header (its value is never kept). */
  hasAuthorization: boolean;
  /** Milliseconds since the server started (order, not time, is what tests use). */
  at: number;
}

/** A message's content as text: a string, or the text parts of a content array. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((p) => (p && typeof p === 'object' && typeof p.text === 'string' ? p.text : ''))
      .join('');
  return '';
}

/** A short stable digest of what shapes a reply: the messages and the sampling parameters. */
export function requestDigest(req: SeenRequest): string {
  const { temperature, top_p, seed } = req.body;
  return createHash('sha256')
    .update(JSON.stringify([req.model, req.messages, temperature ?? null, top_p ?? null, seed ?? null]))
    .digest('hex')
    .slice(0, 8);
}

/** `Reply to: <last user message> (#digest)`, or JSON fitting the schema asked for. */
export function defaultReply(req: SeenRequest): string {
  if (req.jsonSchema?.schema) return JSON.stringify(sampleOf(req.jsonSchema.schema));
  return `Reply to: ${req.prompt} (#${requestDigest(req)})`;
}

/** A value that fits a JSON schema of the kinds structured output uses (the first choice each time). */
export function sampleOf(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return null;
  const s = schema as Record<string, any>;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(s[key]) && s[key].length > 0) return sampleOf(s[key][0]);
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, unknown>))
        out[k] = sampleOf(v);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sampleOf(s.items));
    case 'string':
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return s.properties ? sampleOf({ ...s, type: 'object' }) : null;
  }
}

/** Tokens as the loopback server counts them: words. */
export const tokensOf = (text: string): number => (text.match(/\S+/g) ?? []).length;

/** At most `limit` words of a reply (max_tokens), and whether it was cut. */
export function cutToTokens(text: string, limit: number | undefined): { text: string; cut: boolean } {
  if (limit === undefined || tokensOf(text) <= limit) return { text, cut: false };
  const words = text.match(/\s*\S+/g) ?? [];
  return { text: words.slice(0, Math.max(0, limit)).join(''), cut: true };
}

/** The stream's pieces: each word with the space before it. */
export const chunksOf = (text: string): string[] => text.match(/\s*\S+\s*$|\s*\S+/g) ?? [text];

/** OpenAI's error body shape; never with the key the client sent. */
export function errorBody(status: number, model?: string): { error: Record<string, unknown> } {
  const e = (message: string, type: string, code: string | null) => ({
    error: { message, type, param: null, code },
  });
  if (status === 401) return e('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
  if (status === 403)
    return e('You are not allowed to sample from this model.', 'invalid_request_error', null);
  if (status === 404)
    return e(
      `The model \`${model ?? ''}\` does not exist or you do not have access to it.`,
      'invalid_request_error',
      'model_not_found',
    );
  if (status === 429)
    return e('Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded');
  if (status === 400) return e('Invalid request.', 'invalid_request_error', null);
  if (status >= 500) return e('The server had an error while processing your request.', 'server_error', null);
  return e(`Request failed with status ${status}.`, 'invalid_request_error', null);
}
