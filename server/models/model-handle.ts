import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { type CallSite, malformed, toModelCallError } from './call-errors.ts';
import type { RateWindow, Semaphore } from './limits.ts';
import {
  type Completion,
  type CompletionRequest,
  ModelCallError,
  type ModelConnectionInfo,
  type ModelHandle,
  type ModelStream,
} from './model-call.ts';
import { TextQueue } from './text-queue.ts';

/** Keys a request's parameters may not set: the call itself decides them. */
const RESERVED = new Set(['model', 'messages', 'stream', 'stream_options', 'response_format', 'n']);

/** The connection's default parameters with the request's overrides (undefined or null: left out). */
export function mergedParams(
  defaults: Record<string, unknown>,
  overrides: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ...defaults, ...overrides }))
    if (!RESERVED.has(k) && v !== undefined && v !== null) out[k] = v;
  return out;
}

/** A JSON reply's text: the object itself, or one wrapped in a Markdown code fence. */
function jsonObjectText(content: string): string | null {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(content);
  const text = (fenced ? fenced[1]! : content).trim();
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? text : null;
  } catch {
    return null;
  }
}

export interface HandleParts {
  connection: ModelConnectionInfo;
  client: OpenAI;
  site: CallSite;
  semaphore: Semaphore;
  rate: RateWindow | null;
}

/** One connection ready to call: the limits first, then the call, then the reply checked. */
export class ConnectionHandle implements ModelHandle {
  readonly connection: ModelConnectionInfo;
  constructor(private readonly parts: HandleParts) {
    this.connection = parts.connection;
  }

  private body(request: CompletionRequest, params: Record<string, unknown>) {
    return {
      ...params,
      model: this.connection.model,
      messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
      ...(request.jsonSchema
        ? {
            response_format: {
              type: 'json_schema' as const,
              json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: true },
            },
          }
        : {}),
    };
  }

  /** Waits for a slot and the rate window; the returned function frees the slot. */
  private async admit(signal: AbortSignal | undefined): Promise<() => void> {
    const release = await this.parts.semaphore.acquire(signal);
    try {
      await this.parts.rate?.take(signal);
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  private finish(
    request: CompletionRequest,
    params: Record<string, unknown>,
    reply: { content: string; model: string | undefined; finishReason: string | null },
    usage: { prompt_tokens?: number; completion_tokens?: number } | null | undefined,
    latencyMs: number,
  ): Completion {
    let content = reply.content;
    if (request.jsonSchema) {
      const json = jsonObjectText(content);
      if (json === null)
        throw new ModelCallError(
          'schema_mismatch',
          `model connection "${this.connection.name}": the reply is not the JSON object the schema "${request.jsonSchema.name}" asks for`,
        );
      content = json;
    }
    return {
      content,
      model: reply.model || this.connection.model,
      params,
      promptTokens: typeof usage?.prompt_tokens === 'number' ? usage.prompt_tokens : null,
      completionTokens: typeof usage?.completion_tokens === 'number' ? usage.completion_tokens : null,
      latencyMs: Math.max(0, Math.round(latencyMs)),
      finishReason: reply.finishReason,
    };
  }

  async complete(request: CompletionRequest): Promise<Completion> {
    const params = mergedParams(this.connection.params, request.params);
    const release = await this.admit(request.signal);
    let timedOut = false;
    const deadline = new AbortController();
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.abort();
    }, this.connection.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
    const started = performance.now();
    try {
      const res = (await this.parts.client.chat.completions.create(
        this.body(request, params) as OpenAI.ChatCompletionCreateParamsNonStreaming,
        { signal },
      )) as ChatCompletion | string | null | undefined;
      const latency = performance.now() - started;
      if (res === null || typeof res !== 'object') throw malformed(this.parts.site, 'is not JSON');
      const choice = Array.isArray(res.choices) ? res.choices[0] : undefined;
      if (!choice) throw malformed(this.parts.site, 'has no choices');
      const content = choice.message?.content;
      if (typeof content !== 'string') throw malformed(this.parts.site, 'holds no text');
      return this.finish(
        request,
        params,
        {
          content,
          model: typeof res.model === 'string' ? res.model : undefined,
          finishReason: choice.finish_reason ?? null,
        },
        res.usage,
        latency,
      );
    } catch (err) {
      if (request.signal?.aborted && !timedOut) throw request.signal.reason;
      throw toModelCallError(err, this.parts.site, { timedOut });
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  stream(request: CompletionRequest): ModelStream {
    const cancel = new AbortController();
    const queue = new TextQueue(() => cancel.abort(new Error('the reader left the stream')));
    const completion = this.runStream(request, queue, cancel.signal);
    completion.then(
      () => queue.end(),
      (err: unknown) => queue.fail(err),
    );
    return { completion, [Symbol.asyncIterator]: () => queue[Symbol.asyncIterator]() };
  }

  private async runStream(
    request: CompletionRequest,
    queue: TextQueue,
    cancel: AbortSignal,
  ): Promise<Completion> {
    const params = mergedParams(this.connection.params, request.params);
    const outer = request.signal ? AbortSignal.any([request.signal, cancel]) : cancel;
    const release = await this.admit(outer);
    let timedOut = false;
    const idle = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The timeout is how long the stream may stay silent (a long reply may take minutes in all).
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        idle.abort();
      }, this.connection.timeoutMs);
    };
    const signal = AbortSignal.any([outer, idle.signal]);
    const started = performance.now();
    let content = '';
    let model: string | undefined;
    let finishReason: string | null = null;
    let usage: ChatCompletionChunk['usage'] = null;
    let sawChoice = false;
    try {
      arm();
      const stream = await this.parts.client.chat.completions.create(
        {
          ...(this.body(request, params) as OpenAI.ChatCompletionCreateParamsStreaming),
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal },
      );
      for await (const chunk of stream) {
        arm();
        if (chunk === null || typeof chunk !== 'object')
          throw malformed(this.parts.site, 'holds an event that is not a chunk');
        if (typeof chunk.model === 'string' && chunk.model) model = chunk.model;
        if (chunk.usage) usage = chunk.usage;
        const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
        if (!choice) continue;
        sawChoice = true;
        const delta = choice.delta?.content;
        if (typeof delta === 'string' && delta !== '') {
          content += delta;
          queue.push(delta);
        }
        if (choice.finish_reason) finishReason = choice.finish_reason;
      }
      if (!sawChoice) throw malformed(this.parts.site, 'has no choices');
      if (finishReason === null) throw malformed(this.parts.site, 'ended before the reply was complete');
      return this.finish(
        request,
        params,
        { content, model, finishReason },
        usage,
        performance.now() - started,
      );
    } catch (err) {
      if (outer.aborted && !timedOut) throw outer.reason;
      throw toModelCallError(err, this.parts.site, { timedOut });
    } finally {
      clearTimeout(timer);
      release();
    }
  }
}
