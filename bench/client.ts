import http from 'node:http';
import type { Readable } from 'node:stream';

/** One keep-alive agent for every bench client: connections are reused, as a browser would. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

export interface Reply {
  status: number;
  text: string;
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  token?: string | undefined;
  /** A JSON value, or a stream sent as the raw body (an import file). */
  json?: unknown;
  stream?: Readable;
  contentType?: string;
}

/** Sends one request and reads the whole reply as text. */
export function send(call: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = open(call, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    finish(req, call);
  });
}

/** Sends one request and hands back the reply as a stream, for bodies too large to hold. */
export function sendStreaming(call: Call): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = open(call, resolve);
    req.on('error', reject);
    finish(req, call);
  });
}

/** Sends a JSON request and parses the JSON reply; any status but `expect` is an error. */
export async function sendJson<T>(call: Call, expect: number): Promise<T> {
  const reply = await send(call);
  if (reply.status !== expect) {
    throw new Error(
      `${call.method} ${call.url}: expected ${expect}, got ${reply.status}: ${reply.text.slice(0, 500)}`,
    );
  }
  return JSON.parse(reply.text) as T;
}

function open(call: Call, onResponse: (res: http.IncomingMessage) => void): http.ClientRequest {
  const headers: Record<string, string> = {};
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.json !== undefined) headers['content-type'] = 'application/json';
  if (call.contentType) headers['content-type'] = call.contentType;
  return http.request(call.url, { method: call.method, agent, headers }, onResponse);
}

function finish(req: http.ClientRequest, call: Call): void {
  if (call.stream) {
    call.stream.on('error', (err) => req.destroy(err));
    call.stream.pipe(req);
  } else if (call.json !== undefined) {
    req.end(JSON.stringify(call.json));
  } else {
    req.end();
  }
}
