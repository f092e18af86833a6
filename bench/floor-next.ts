import type { Annotator } from './annotator.ts';
import { exponentialThink } from './annotator.ts';
import { send } from './client.ts';
import type { StoreRun } from './context.ts';
import { progress } from './report.ts';

/**
 * The floor under `next`: the crowd of the think-time phase again (the same annotators on the
 * same server processes, the same seeded think times, for as long), each of their next and
 * submit requests replaced by `GET /api/auth/me` with the same API token: a request that is
 * parsed, authenticated (the token looked up in the store) and answered, and does nothing else.
 * Returns the latencies in milliseconds; any answer but 200 stops the bench, as the floor would
 * then not be one.
 */
export async function bareRequests(run: StoreRun, crowd: Annotator[]): Promise<number[]> {
  const { thinkMs, pacedSeconds } = run.options;
  progress(`${run.kind}: floor, the same crowd sending GET /api/auth/me for ${pacedSeconds} s`);
  const ms: number[] = [];
  const deadline = performance.now() + pacedSeconds * 1000;
  const work = async (a: Annotator, think: () => number) => {
    const pause = () => sleep(Math.min(think(), deadline - performance.now()));
    await pause();
    while (performance.now() < deadline) {
      const started = performance.now();
      const reply = await send({ method: 'GET', url: `${a.server.url}/api/auth/me`, token: a.user.token });
      ms.push(performance.now() - started);
      if (reply.status !== 200)
        throw new Error(`GET /api/auth/me: ${reply.status} ${reply.text.slice(0, 200)}`);
      await pause();
    }
  };
  await Promise.all(crowd.map((a, k) => work(a, exponentialThink(thinkMs, k + 1))));
  return ms;
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
