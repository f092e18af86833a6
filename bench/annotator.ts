import { send } from './client.ts';
import type { BenchUser } from './server-child.ts';
import type { ServerChild } from './servers.ts';

const ANSWERS = { topic: 'algebra', difficulty: 3, comment: 'bench' };

/** One simulated annotator: who, on which server process, in which project. */
export interface Annotator {
  server: ServerChild;
  user: BenchUser;
  projectId: number;
}

/** What a group of annotators saw in one phase. */
export interface Tally {
  /** Milliseconds of each measured `next`, in completion order. */
  next: number[];
  /** Milliseconds of each measured `submit`. */
  submit: number[];
  /** Next → submit rounds completed. */
  rounds: number;
  /** Non-2xx replies to next or submit. */
  errors: number;
}

export const newTally = (): Tally => ({ next: [], submit: [], rounds: 0, errors: 0 });

/**
 * Closed loop: `rounds` next → submit rounds back to back, no think time. Stops early when the
 * project has nothing left to hand out (204).
 */
export async function workRounds(a: Annotator, phase: string, rounds: number, tally: Tally): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const claimed = await claimNext(a, tally);
    if (claimed === 'done') return;
    if (claimed !== 'error') await submit(a, claimed, `${phase}-${round}`, tally, true);
  }
}

/**
 * Think-time loop until `deadline` (a `performance.now()` value): think → next → think → submit →
 * think …, each think drawn by `think()` in milliseconds. Only requests started before the
 * deadline are measured; a think that would cross it is cut short, and an item claimed before it
 * is still submitted (unmeasured), so the phase ends promptly and leaves no lock behind.
 */
export async function workPaced(
  a: Annotator,
  phase: string,
  think: () => number,
  deadline: number,
  tally: Tally,
): Promise<void> {
  const pause = () => sleep(Math.min(think(), deadline - performance.now()));
  await pause();
  for (let round = 0; performance.now() < deadline; round++) {
    const claimed = await claimNext(a, tally);
    if (claimed === 'done') return;
    if (claimed !== 'error') {
      await pause();
      await submit(a, claimed, `${phase}-${round}`, tally, performance.now() < deadline);
    }
    await pause();
  }
}

/** `POST …/assignments/next`: the assignment id, 'done' on 204, 'error' on anything else. */
async function claimNext(a: Annotator, tally: Tally): Promise<number | 'done' | 'error'> {
  const started = performance.now();
  const reply = await send({
    method: 'POST',
    url: `${a.server.url}/api/projects/${a.projectId}/assignments/next`,
    token: a.user.token,
  });
  tally.next.push(performance.now() - started);
  if (reply.status === 204) return 'done';
  if (reply.status !== 200) {
    tally.errors += 1;
    return 'error';
  }
  return (JSON.parse(reply.text) as { assignment: { id: number } }).assignment.id;
}

async function submit(a: Annotator, assignmentId: number, key: string, tally: Tally, measure: boolean) {
  const started = performance.now();
  const reply = await send({
    method: 'POST',
    url: `${a.server.url}/api/assignments/${assignmentId}/submit`,
    token: a.user.token,
    json: { answers: ANSWERS, activeMs: 1000, idempotencyKey: `bench-${a.user.id}-${key}` },
  });
  if (measure) tally.submit.push(performance.now() - started);
  if (reply.status === 200) tally.rounds += 1;
  else tally.errors += 1;
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/**
 * Think times in milliseconds, exponentially distributed with mean `meanMs` (memoryless, as
 * independent annotators finishing items at random would be), from a seeded generator so every
 * run draws the same sequence.
 */
export function exponentialThink(meanMs: number, seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return -meanMs * Math.log(1 - u);
  };
}
