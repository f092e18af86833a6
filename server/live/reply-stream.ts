import { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { LiveEvent } from '../../core/api/live.ts';
import { modelErrorKinds } from '../../core/api/models.ts';
import { ModelCallError, type ModelStream } from '../models/model-call.ts';

const line = (event: LiveEvent): string => `${JSON.stringify(event)}\n`;

/**
 * A model's streamed reply as JSON lines (docs/live.md): `delta`s as the text comes, then `done`
 * with the complete turn, or `error` with the cause in words (the model call's message, which
 * names the connection and the reason and never the key). Always ends: nothing is left waiting.
 * `done` runs once when the stream ends for any reason, the browser's disconnect included.
 */
export function replyStream(
  stream: ModelStream,
  opts: { log: FastifyBaseLogger; signal: AbortSignal; done: () => void },
): Readable {
  const { log, signal, done } = opts;
  async function* events(): AsyncGenerator<string> {
    try {
      for await (const text of stream) if (text) yield line({ type: 'delta', text });
      const c = await stream.completion;
      yield line({
        type: 'done',
        turn: {
          role: 'assistant',
          content: c.content,
          model: c.model,
          latencyMs: Math.round(c.latencyMs),
          promptTokens: c.promptTokens,
          completionTokens: c.completionTokens,
          finishReason: c.finishReason,
        },
      });
    } catch (err) {
      // Stopped because the browser left: no one to tell.
      if (!signal.aborted) yield line(errorEvent(err, log));
    } finally {
      // The completion's own rejection was reported through the iteration.
      stream.completion.catch(() => undefined);
      done();
    }
  }
  const readable = Readable.from(events(), { objectMode: false });
  readable.on('close', done);
  return readable;
}

function errorEvent(err: unknown, log: FastifyBaseLogger): LiveEvent {
  if (err instanceof ModelCallError && (modelErrorKinds as readonly string[]).includes(err.kind))
    return { type: 'error', kind: err.kind, message: err.message };
  log.error({ err }, 'live reply failed');
  return { type: 'error', kind: 'internal', message: 'The reply failed on the server; try again.' };
}
