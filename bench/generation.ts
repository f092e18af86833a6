import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import OpenAI from 'openai';
import { type ChildServer, startChildServer, stopChild } from '../server/testing/child-server.ts';
import { type OpenAiServer, startOpenAiServer } from '../server/testing/openai-server.ts';
import { send, sendJson } from './client.ts';
import type { StoreRun } from './context.ts';
import { setRunner } from './jobs.ts';
import { percentile, progress } from './report.ts';
import type { ChildEnv } from './servers.ts';

const KEY = 'sk-bench-generation';
const CONCURRENCY = 32;
const GENERATION_INTERFACE = {
  fields: [
    { name: 'prompt', type: 'text' },
    { name: 'pair', type: 'responses' },
  ],
  questions: [{ name: 'better', type: 'pairwise', field: 'pair' }],
};
/** How often the progress is asked for, as a browser's bar would (JobProgress polls more slowly). */
const POLL_MS = 10;

/**
 * Candidate generation's speed (docs/generation.md): a `generate` job of K = 2 over prompt-only
 * items, against the loopback model server answering at once (in this process, fast mode), run
 * by server processes on the store (one on SQLite, two on PostgreSQL) at concurrency 32.
 * `generation.<store>.completions_per_s`: completions written per second from the job's start to
 * its end (target ≥ 500: the system, not the endpoint, would be the bottleneck below it).
 * `generation.<store>.progress_p99` / `_max`: for each completion, the time from the model's
 * answer to the first `GET /api/jobs/:id` (polled every 10 ms) whose count includes it: how soon
 * a step's commit reaches a browser's poll (target ≤ 1 s at the p99).
 * `generation.<store>.endpoint_floor`: the same number of completions asked of the same server
 * by the `openai` client alone at concurrency 32, from this process (which also hosts the
 * server, so a low floor): what the endpoint and the machine allow at all; `ratio_to_floor`
 * says how much of it the job system delivers.
 */
export async function runGeneration(run: StoreRun, env: ChildEnv): Promise<void> {
  const items = run.options.smoke ? 200 : 5000;
  const server = run.servers[0]!;
  const ai = await startOpenAiServer({ apiKey: KEY, models: ['bench-model'], fast: true });
  const answered: number[] = [];
  ai.reply = () => {
    answered.push(performance.now());
    return undefined;
  };
  const runners: ChildServer[] = [];
  let stopped = false;
  try {
    const config = {
      dataDir: env.BENCH_DATA_DIR,
      secret: env.BENCH_SECRET,
      ...(env.BENCH_DATABASE_URL ? { databaseUrl: env.BENCH_DATABASE_URL } : {}),
      ...(env.BENCH_PG_SCHEMA ? { pgSchema: env.BENCH_PG_SCHEMA } : {}),
    };
    const count = run.kind === 'postgres' ? 2 : 1;
    // The job is run by these processes alone, as `verity start` runs jobs (the runner's own
    // concurrency is 32): the bench's own servers only answer the API meanwhile.
    for (const s of run.servers) await setRunner(s.url, false);
    stopped = true;
    for (let k = 0; k < count; k++) runners.push(await startChildServer(config));
    const { id: projectId } = await sendJson<{ id: number }>(
      {
        method: 'POST',
        url: `${server.url}/api/projects`,
        token: run.admin.token,
        json: { name: 'bench generation', interface: GENERATION_INTERFACE },
      },
      201,
    );
    const lines = Array.from({ length: items }, (_, i) =>
      JSON.stringify({ data: { prompt: `Prompt ${i}?` } }),
    );
    const imported = await send({
      method: 'POST',
      url: `${server.url}/api/projects/${projectId}/items`,
      token: run.admin.token,
      stream: Readable.from([`${lines.join('\n')}\n`]),
      contentType: 'application/x-ndjson',
    });
    if (imported.status !== 201)
      throw new Error(`generation import: ${imported.status} ${imported.text.slice(0, 300)}`);
    const connection = await sendJson<{ id: number }>(
      {
        method: 'POST',
        url: `${server.url}/api/models`,
        token: run.admin.token,
        json: {
          name: 'bench-generation',
          baseUrl: ai.baseURL,
          model: 'bench-model',
          apiKey: KEY,
          concurrency: CONCURRENCY,
          allowPrivateNetwork: true,
        },
      },
      201,
    );
    const total = items * 2;
    const floor = await endpointFloor(ai, total);
    answered.length = 0;
    ai.reset();
    progress(`${run.kind}: generation: ${items} prompts × 2 candidates on ${count} job process(es)`);
    const started = performance.now();
    const { jobId } = await sendJson<{ jobId: number }>(
      {
        method: 'POST',
        url: `${server.url}/api/projects/${projectId}/generate`,
        token: run.admin.token,
        json: { connection: connection.id, candidates: 2 },
      },
      202,
    );
    const polls: { at: number; done: number }[] = [];
    let status = 'queued';
    while (status === 'queued' || status === 'running') {
      const job = await sendJson<{ status: string; doneSteps: number }>(
        { method: 'GET', url: `${server.url}/api/jobs/${jobId}`, token: run.admin.token },
        200,
      );
      polls.push({ at: performance.now(), done: job.doneSteps });
      status = job.status;
      if (status === 'queued' || status === 'running') await new Promise((r) => setTimeout(r, POLL_MS));
    }
    if (status !== 'succeeded') throw new Error(`the generation job ended ${status}`);
    const seconds = (polls[polls.length - 1]!.at - started) / 1000;
    run.report.add(`generation.${run.kind}.completions_per_s`, total / seconds, 'completions/s');
    run.report.add(`generation.${run.kind}.endpoint_floor`, floor, 'completions/s');
    run.report.add(`generation.${run.kind}.ratio_to_floor`, total / seconds / floor, 'ratio');
    const lags = progressLags(
      answered.slice().sort((a, b) => a - b),
      polls,
      total,
    );
    run.report.add(`generation.${run.kind}.progress_p99`, percentile(lags, 99), 'ms');
    run.report.add(`generation.${run.kind}.progress_max`, lags[lags.length - 1] ?? 0, 'ms');
    if (ai.requestCount !== total)
      run.report.note(`generation: ${ai.requestCount} model calls for ${total} slots`);
  } finally {
    for (const r of runners) await stopChild(r, 'SIGTERM');
    if (stopped) for (const s of run.servers) await setRunner(s.url, true);
    await ai.close();
  }
}

/** Completions per second the `openai` client gets from the server alone, CONCURRENCY at a time. */
async function endpointFloor(ai: OpenAiServer, total: number): Promise<number> {
  const client = new OpenAI({ baseURL: ai.baseURL, apiKey: KEY, maxRetries: 0 });
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let n = next++; n < total; n = next++)
      await client.chat.completions.create({
        model: 'bench-model',
        messages: [{ role: 'user', content: `Floor ${n}?` }],
      });
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return total / ((performance.now() - started) / 1000);
}

/**
 * For completion k (the k-th answer of the model server), the time until the first poll whose
 * done count reaches k; ascending. Answers past the total (a call repeated) are left out.
 */
export function progressLags(
  answers: readonly number[],
  polls: readonly { at: number; done: number }[],
  total: number,
): number[] {
  const lags: number[] = [];
  let p = 0;
  for (let k = 1; k <= Math.min(total, answers.length); k++) {
    while (p < polls.length && polls[p]!.done < k) p++;
    if (p === polls.length) break;
    lags.push(Math.max(0, polls[p]!.at - answers[k - 1]!));
  }
  return lags.sort((a, b) => a - b);
}
