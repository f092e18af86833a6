import type { LiveEvent } from '../../../core/api/live.ts';
import { api } from './client.ts';

type Body = NonNullable<Parameters<typeof api.request<'liveReply'>>[1]>['body'];
export type LiveTurn = Extract<LiveEvent, { type: 'done' }>['turn'];

/** A reply that failed on the way: the model call's cause (`kind`) and its words. */
export class LiveReplyError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Asks the project's model for its reply to the conversation (POST /api/assignments/:id/live,
 * docs/live.md) and reads the JSON lines as they come: `onDelta` with each piece of text, then
 * the complete turn. The shared client makes the request (the session cookie, the CSRF header,
 * its errors: ApiError, NetworkError); the body is read here with the stream's reader. Aborting
 * `signal` stops the reply on the server too. A stream that ends without its last line is a
 * LiveReplyError of kind `interrupted`.
 */
export async function streamLiveReply(
  assignmentId: number,
  body: Body,
  opts: { signal: AbortSignal; onDelta: (text: string) => void },
): Promise<LiveTurn> {
  const res = await api.request('liveReply', { params: { assignmentId }, body, signal: opts.signal });
  if (!res.body) throw new LiveReplyError('interrupted', 'The reply came without a body.');
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += value;
      let end = buffer.indexOf('\n');
      while (end >= 0) {
        const text = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        end = buffer.indexOf('\n');
        if (text.trim() === '') continue;
        const event = JSON.parse(text) as LiveEvent;
        if (event.type === 'delta') opts.onDelta(event.text);
        else if (event.type === 'done') return event.turn;
        else throw new LiveReplyError(event.kind, event.message);
      }
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
  throw new LiveReplyError('interrupted', 'The reply stopped before its end; try again.');
}
