import type { modelErrorKinds } from '../../core/api/models.ts';

/**
 * The shapes of one call to a model connection (server/models/model-client.ts makes it through
 * the `openai` package). Generation, suggestions, live chat and the judge use these and nothing
 * of the package itself.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  messages: ChatMessage[];
  /** Overrides the connection's default parameters (temperature, max_tokens, top_p, seed…). */
  params?: Record<string, unknown>;
  /** Ask for JSON that fits this schema (OpenAI `response_format: json_schema`, strict). */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  signal?: AbortSignal;
}

export interface Completion {
  content: string;
  /** The model the endpoint says answered (may differ from the one asked for). */
  model: string;
  /** The parameters sent: the connection's defaults with the request's overrides. */
  params: Record<string, unknown>;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  finishReason: string | null;
}

/** Why a call failed, in a closed set the job steps and the UI word for people (core/api/models.ts). */
export type ModelErrorKind = (typeof modelErrorKinds)[number];

export const RETRYABLE_MODEL_ERRORS: ReadonlySet<ModelErrorKind> = new Set([
  'unreachable',
  'timeout',
  'rate_limited',
  'server_error',
  'malformed_reply',
  'schema_mismatch',
]);

/** A connection as the code that calls it sees it: never its key. */
export interface ModelConnectionInfo {
  id: number;
  name: string;
  model: string;
  baseUrl: string;
  concurrency: number;
  requestsPerMinute: number | null;
  timeoutMs: number;
  params: Record<string, unknown>;
}

/** A streamed reply: iterate for the text as it comes; `completion` settles when it ends. */
export interface ModelStream extends AsyncIterable<string> {
  completion: Promise<Completion>;
}

/** One connection, ready to call (its key unsealed only inside). */
export interface ModelHandle {
  connection: ModelConnectionInfo;
  /** One chat completion; throws ModelCallError. With `jsonSchema`, content is checked as JSON. */
  complete(request: CompletionRequest): Promise<Completion>;
  /** The same, streamed (SSE); errors surface from the iteration and from `completion`. */
  stream(request: CompletionRequest): ModelStream;
}

/** The model connections as the rest of the server sees them (`ctx.models`; server/models/). */
export interface ModelConnections {
  /**
   * Throws AppError NOT_FOUND for an unknown id, ModelCallError (`unauthorized`) when the stored
   * key no longer opens (the server secret changed). Cheap to call per request: one read by id;
   * the handle is kept while the connection is unchanged.
   */
  open(connectionId: number): Promise<ModelHandle>;
  /** Drops the kept handle of a connection that changed or went (the next `open` builds a new one). */
  forget(connectionId: number): void;
  /** Closes every kept connection (the server is stopping). */
  close(): Promise<void>;
}

/**
 * A failed call, with a message fit for a job step, a log line or a person: it names the
 * connection and the reason (HTTP status, timeout…) and never the key or the request's headers.
 */
export class ModelCallError extends Error {
  readonly kind: ModelErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(
    kind: ModelErrorKind,
    message: string,
    options: { status?: number | undefined; retryAfterMs?: number | undefined } = {},
  ) {
    super(message);
    this.name = 'ModelCallError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
  get retryable(): boolean {
    return RETRYABLE_MODEL_ERRORS.has(this.kind);
  }
}
