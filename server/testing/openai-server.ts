import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  chunksOf,
  cutToTokens,
  defaultReply,
  errorBody,
  type SeenRequest,
  textOf,
  tokensOf,
} from './openai-replies.ts';

export { type SeenRequest, sampleOf } from './openai-replies.ts';

/**
 * An OpenAI-compatible chat-completions server on loopback for tests and benchmarks: a real HTTP
 * server that the production client (server/models/model-client.ts, the `openai` package) reaches
 * as it reaches vLLM, Ollama or a hosted API. It answers POST /v1/chat/completions (JSON, or SSE
 * with `stream: true`) and GET /v1/models, checks the bearer key and the model name, and answers
 * deterministically. Faults are scripted per request: a queue of next outcomes (`script`), or
 * outcomes for requests whose last user message contains a substring (`scriptWhen`).
 */

/** What one request gets instead of the default reply; fields combine (`{delayMs, content}`). */
export interface Outcome {
  /** Answer with this HTTP status and OpenAI's error body for it (429, 500, 503, 401…). */
  status?: number;
  /** With a status: a `Retry-After` header in seconds. */
  retryAfter?: number;
  /** With a status: a `retry-after-ms` header. */
  retryAfterMs?: number;
  /** Never answer (the client times out); the socket is closed by `close()`. */
  hang?: boolean;
  /** A 200 whose body is not JSON (or, streamed, an event that is not). */
  malformed?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Reply with this text instead of the default or the `reply` hook. */
  content?: string;
  /** Streamed: close the connection after this many content chunks, without `[DONE]`. */
  cutAfterChunks?: number;
  /** The finish reason to report (default `stop`, or `length` when max_tokens cut the reply). */
  finishReason?: string;
}

export interface OpenAiServerOptions {
  /** The key clients must send as `Authorization: Bearer <key>`; null: no key is checked. Default 'test-key'. */
  apiKey?: string | null;
  /** The models it serves (404 model_not_found for others). Default ['test-model']. */
  models?: string[];
  /** Benchmarks: keep no request log (counts only) so memory stays flat at any volume. */
  fast?: boolean;
  /** Streamed replies: wait this long between chunks (default 0). */
  chunkDelayMs?: number;
  /** The model name the replies say answered (default: the one asked for). */
  answeringModel?: (asked: string) => string;
}

export interface OpenAiServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** `${url}/v1`, what a connection's base URL is. */
  baseURL: string;
  apiKey: string | null;
  models: string[];
  /** Every chat completion request, in arrival order (empty in `fast` mode). */
  requests: SeenRequest[];
  /** Chat completion requests seen (all modes). */
  readonly requestCount: number;
  /** How many requests had this last user message. */
  countFor(prompt: string): number;
  /** Requests being answered now, and the most at once since start (or `resetPeak`). */
  readonly inFlight: number;
  readonly peakInFlight: number;
  resetPeak(): void;
  /** Queue outcomes for the next requests, one each, in order. */
  script(...outcomes: Outcome[]): void;
  /** Outcomes for the next requests whose last user message contains `substring`, one each. */
  scriptWhen(substring: string, ...outcomes: Outcome[]): void;
  /** Outcomes not yet used (queue and matches). */
  readonly pending: number;
  /** The reply text for a request, instead of the default (`Reply to: …` or JSON fitting the schema). */
  reply: ((request: SeenRequest) => string | undefined) | null;
  /** Forget requests, counts and scripts (keeps the `reply` hook). */
  reset(): void;
  close(): Promise<void>;
}

export async function startOpenAiServer(options: OpenAiServerOptions = {}): Promise<OpenAiServer> {
  const apiKey = options.apiKey === undefined ? 'test-key' : options.apiKey;
  const models = options.models ?? ['test-model'];
  const started = Date.now();
  const queue: Outcome[] = [];
  const matches: { substring: string; outcome: Outcome }[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let requestCount = 0;
  let inFlight = 0;
  let peak = 0;
  let serial = 0;

  const nextOutcome = (prompt: string): Outcome | undefined => {
    const i = matches.findIndex((m) => prompt.includes(m.substring));
    if (i >= 0) return matches.splice(i, 1)[0]!.outcome;
    return queue.shift();
  };

  const api: OpenAiServer = {
    url: '',
    baseURL: '',
    apiKey,
    models,
    requests: [],
    get requestCount() {
      return requestCount;
    },
    countFor: (prompt) => counts.get(prompt) ?? 0,
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peak;
    },
    resetPeak() {
      peak = inFlight;
    },
    script: (...outcomes) => void queue.push(...outcomes),
    scriptWhen: (substring, ...outcomes) => {
      for (const outcome of outcomes) matches.push({ substring, outcome });
    },
    get pending() {
      return queue.length + matches.length;
    },
    reply: null,
    reset() {
      api.requests.length = 0;
      counts.clear();
      queue.length = 0;
      matches.length = 0;
      requestCount = 0;
      peak = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    if (res.destroyed) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };

  const authorized = (req: http.IncomingMessage): boolean =>
    apiKey === null || req.headers.authorization === `Bearer ${apiKey}`;

  async function chat(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    let body: Record<string, any>;
    try {
      body = JSON.parse(raw);
      if (!body || typeof body !== 'object' || !Array.isArray(body.messages)) throw new Error('no messages');
    } catch {
      return send(res, 400, errorBody(400));
    }
    const messages = (body.messages as any[]).map((m) => ({
      role: String(m?.role),
      content: textOf(m?.content),
    }));
    const prompt = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const format = body.response_format;
    const seen: SeenRequest = {
      body,
      model: String(body.model ?? ''),
      messages,
      prompt,
      stream: body.stream === true,
      jsonSchema: format?.type === 'json_schema' ? (format.json_schema ?? {}) : null,
      hasAuthorization: req.headers.authorization !== undefined,
      at: Date.now() - started,
    };
    requestCount += 1;
    counts.set(prompt, (counts.get(prompt) ?? 0) + 1);
    if (!options.fast) api.requests.push(seen);

    if (!authorized(req)) return send(res, 401, errorBody(401));
    if (!models.includes(seen.model)) return send(res, 404, errorBody(404, seen.model));

    const outcome = nextOutcome(prompt) ?? {};
    if (outcome.hang) return; // the socket stays open until the client gives up or close()
    if (outcome.delayMs) await new Promise((r) => setTimeout(r, outcome.delayMs));
    if (outcome.status !== undefined && outcome.status !== 200) {
      const headers: Record<string, string> = {};
      if (outcome.retryAfter !== undefined) headers['retry-after'] = String(outcome.retryAfter);
      if (outcome.retryAfterMs !== undefined) headers['retry-after-ms'] = String(outcome.retryAfterMs);
      return send(res, outcome.status, errorBody(outcome.status, seen.model), headers);
    }
    const limit = body.max_completion_tokens ?? body.max_tokens;
    const full = outcome.content ?? api.reply?.(seen) ?? defaultReply(seen);
    const { text, cut } = cutToTokens(full, typeof limit === 'number' ? limit : undefined);
    const finishReason = outcome.finishReason ?? (cut ? 'length' : 'stop');
    const usage = {
      prompt_tokens: messages.reduce((n, m) => n + tokensOf(m.content), 0),
      completion_tokens: tokensOf(text),
      total_tokens: 0,
    };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    serial += 1;
    const id = `chatcmpl-${serial}`;
    const model = options.answeringModel?.(seen.model) ?? seen.model;
    const created = Math.floor(Date.now() / 1000);

    if (!seen.stream) {
      if (outcome.malformed) return send(res, 200, '{"id": "chatcmpl-broken", "choices": [ {"mess');
      return send(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finishReason }],
        usage,
      });
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`,
      );
    event([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
    if (outcome.malformed) {
      res.write('data: {"choices": [ {"delta\n\n');
      return res.end();
    }
    let sent = 0;
    for (const piece of chunksOf(text)) {
      if (outcome.cutAfterChunks !== undefined && sent >= outcome.cutAfterChunks) {
        res.destroy();
        return;
      }
      if (options.chunkDelayMs) await new Promise((r) => setTimeout(r, options.chunkDelayMs));
      if (res.destroyed) return;
      event([{ index: 0, delta: { content: piece }, finish_reason: null }]);
      sent += 1;
    }
    event([{ index: 0, delta: {}, finish_reason: finishReason }]);
    if (body.stream_options?.include_usage) event([], { usage });
    res.end('data: [DONE]\n\n');
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/v1/models') {
      req.resume();
      if (!authorized(req)) return send(res, 401, errorBody(401));
      return send(res, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'verity-test' })),
      });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      req.resume();
      return send(res, 404, {
        error: {
          message: `Unknown request URL: ${req.method} ${path}`,
          type: 'invalid_request_error',
          param: null,
          code: 'unknown_url',
        },
      });
    }
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          inFlight -= 1;
        }
      };
      res.on('close', finish);
      chat(req, res, Buffer.concat(parts).toString('utf8')).catch(() => {
        if (!res.headersSent) send(res, 500, errorBody(500));
        else res.destroy();
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.baseURL = `${api.url}/v1`;
  return api;
}
