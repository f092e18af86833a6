import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of the test server: a status (default 200), a Retry-After, a delay, or none until released. */
export interface ScriptedAnswer {
  status?: number;
  retryAfter?: string;
  delayMs?: number;
  /** Answer only when release() is called (or never, if the client gives up first). */
  hold?: boolean;
  body?: string;
}

/**
 * The loopback server the test job kind calls (job-test-kind.ts), TEST ONLY: `GET /step/<key>`
 * answers the key's scripted answers in turn, then `defaultAnswer` (200 with body `ok:<key>`). It
 * counts requests per key, the most answered at once, and requests whose client went away.
 */
export interface JobTestServer {
  url: string;
  script(key: string, answers: ScriptedAnswer[]): void;
  defaultAnswer: ScriptedAnswer;
  requests(key: string): number;
  totalRequests(): number;
  /** The most requests open at once since the start, or since resetMaxOpen(). */
  maxOpen(): number;
  resetMaxOpen(): void;
  /** Requests whose client closed the connection before the answer (an aborted run()). */
  abandoned(): number;
  /** Answers every held request (200). */
  release(): void;
  /** Resolves when at least `n` requests are held. */
  whenHeld(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startJobTestServer(): Promise<JobTestServer> {
  const scripts = new Map<string, ScriptedAnswer[]>();
  const counts = new Map<string, number>();
  let total = 0;
  let open = 0;
  let maxOpen = 0;
  let abandoned = 0;
  const held = new Set<() => void>();
  let heldWaiters: { n: number; resolve: () => void }[] = [];
  const api: Omit<JobTestServer, 'url' | 'close'> = {
    defaultAnswer: {},
    script: (key, answers) => scripts.set(key, [...answers]),
    requests: (key) => counts.get(key) ?? 0,
    totalRequests: () => total,
    maxOpen: () => maxOpen,
    resetMaxOpen: () => {
      maxOpen = open;
    },
    abandoned: () => abandoned,
    release: () => {
      for (const answer of [...held]) answer();
    },
    whenHeld: (n) =>
      held.size >= n ? Promise.resolve() : new Promise((resolve) => heldWaiters.push({ n, resolve })),
  };
  const server = http.createServer((req, res) => {
    const match = /^\/step\/(.+)$/.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end('not found');
      return;
    }
    const key = decodeURIComponent(match[1]!);
    total += 1;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    open += 1;
    maxOpen = Math.max(maxOpen, open);
    let answered = false;
    const answer = scripts.get(key)?.shift() ?? api.defaultAnswer;
    const send = (a: ScriptedAnswer) => {
      if (answered) return;
      answered = true;
      open -= 1;
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (a.retryAfter !== undefined) headers['retry-after'] = a.retryAfter;
      res.writeHead(a.status ?? 200, headers).end(a.body ?? `ok:${key}`);
    };
    res.on('close', () => {
      if (answered) return;
      answered = true;
      open -= 1;
      abandoned += 1;
    });
    if (answer.hold) {
      const release = () => {
        held.delete(release);
        send({ ...answer, hold: false });
      };
      held.add(release);
      res.on('close', () => held.delete(release));
      const ready = heldWaiters.filter((w) => held.size >= w.n);
      heldWaiters = heldWaiters.filter((w) => held.size < w.n);
      for (const w of ready) w.resolve();
    } else if (answer.delayMs) setTimeout(() => send(answer), answer.delayMs);
    else send(answer);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...api,
    get defaultAnswer() {
      return api.defaultAnswer;
    },
    set defaultAnswer(a: ScriptedAnswer) {
      api.defaultAnswer = a;
    },
    url,
    close: () =>
      new Promise<void>((resolve) => {
        api.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
