import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_RUNNER } from '../server/testing/job-fixtures.ts';
import { TEST_JOB_KIND, testJobKinds } from '../server/testing/job-test-kind.ts';
import { type JobTestServer, startJobTestServer } from '../server/testing/job-test-server.ts';
import { createClient } from './client.ts';
import { jobProgressLine, waitForJob } from './jobs-wait.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

let s: CliServer;
let env: Record<string, string>;
let remote: JobTestServer;
beforeAll(async () => {
  remote = await startJobTestServer();
  s = await startCliServer({ runJobs: true, jobKinds: testJobKinds, jobRunner: FAST_RUNNER });
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
});
afterAll(async () => {
  await s.close();
  await remote.close();
});

const enqueue = (keys: string[]) =>
  s.verity.ctx.jobs.enqueue({
    kind: TEST_JOB_KIND,
    projectId: null,
    params: { url: remote.url, keys },
    createdBy: null,
  });

/** A stream that keeps what is written, as a terminal (isTTY) or a pipe. */
function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as unknown as NodeJS.WriteStream;
  (out as { isTTY: boolean }).isTTY = isTTY;
  return { out, text: () => chunks.join('') };
}

describe('waitForJob', () => {
  it('follows a job to its end, with plain progress lines on a pipe and a bar on a terminal', async () => {
    const client = createClient({ url: s.env.VERITY_URL!, token: env.VERITY_TOKEN! });
    remote.script('cli-wait-bad', [{ status: 400, body: 'nope' }]);
    const id = await enqueue(['cli-wait-1', 'cli-wait-2', 'cli-wait-bad']);
    const pipe = sink(false);
    const job = await waitForJob(client, id, { progress: true, out: pipe.out, intervalMs: 50 });
    expect(job).toMatchObject({ id, status: 'failed', doneSteps: 2, failedSteps: 1 });
    const lines = pipe.text().trim().split('\n');
    expect(lines.at(-1)).toBe(
      `Job ${id} failed: 1 of 3 steps failed; the first (cli-wait-bad): the test server answered 400: nope.`,
    );
    expect(lines.at(-2)).toMatch(/^\[#{30}\] 100% 3 \/ 3 steps, 1 failed {2}\d+ steps\/s$/);
    expect(pipe.text()).not.toContain('\r');

    const tty = sink(true);
    const again = await waitForJob(client, await enqueue(['cli-wait-3']), { progress: true, out: tty.out });
    expect(again.status).toBe('succeeded');
    expect(tty.text()).toMatch(/^\r\[/);
    expect(tty.text()).toContain('succeeded: 1 of 1 steps done.');
  });

  it('draws the bar from the settled fraction', () => {
    const line = jobProgressLine({ totalSteps: 10, doneSteps: 4, failedSteps: 1, progress: 0.5 }, 1000, 10);
    expect(line).toBe('[#####-----]  50% 5 / 10 steps, 1 failed  5 steps/s');
  });
});

describe('verity jobs', () => {
  it('lists, shows and cancels jobs', async () => {
    const client = createClient({ url: s.env.VERITY_URL!, token: env.VERITY_TOKEN! });
    const done = await enqueue(['cli-a', 'cli-b']);
    await waitForJob(client, done, { intervalMs: 50 });
    remote.defaultAnswer = { hold: true };
    let open: number;
    try {
      open = await enqueue(['cli-held']);
      await remote.whenHeld(1);
      const list = await runCli(['jobs', 'list'], env);
      expect(list.code, list.stderr).toBe(0);
      const [head, ...rows] = list.stdout.trim().split('\n');
      expect(head).toMatch(/^ID +KIND +PROJECT +STATUS +SETTLED +FAILED +CREATED$/);
      expect(rows[0]).toMatch(new RegExp(`^${open} +${TEST_JOB_KIND} +- +running +0/1 +0 `));
      expect(rows.some((r) => new RegExp(`^${done} .* succeeded +2/2 +0 `).test(r))).toBe(true);

      const json = await runCli(['jobs', 'list', '--status', 'succeeded', '--json'], env);
      expect(json.code, json.stderr).toBe(0);
      const listed = JSON.parse(json.stdout) as { id: number; status: string }[];
      expect(listed.map((j) => j.id)).toContain(done);
      expect(listed.every((j) => j.status === 'succeeded')).toBe(true);

      const show = await runCli(['jobs', 'show', String(done)], env);
      expect(show.code, show.stderr).toBe(0);
      expect(show.stdout).toContain(`Job ${done} (${TEST_JOB_KIND}): succeeded`);
      expect(show.stdout).toContain('Steps: 2 done, 0 failed, 0 running, 0 pending, 0 cancelled');
      const shown = JSON.parse((await runCli(['jobs', 'show', String(done), '--json'], env)).stdout);
      expect(shown).toMatchObject({ id: done, steps: { done: 2 } });

      const cancel = await runCli(['jobs', 'cancel', String(open)], env);
      expect(cancel.code, cancel.stderr).toBe(0);
      expect(cancel.stdout).toBe(`Job ${open} cancelled after 0 of 1 steps (0 failed).\n`);
      const twice = await runCli(['jobs', 'cancel', String(open)], env);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain('error CONFLICT: This job has already ended (cancelled)');
    } finally {
      remote.defaultAnswer = {};
      remote.release();
    }
    const bad = await runCli(['jobs', 'show', 'seven'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ID must be a job\'s number, not "seven"');
    const missing = await runCli(['jobs', 'show', '999999'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
  });
});
