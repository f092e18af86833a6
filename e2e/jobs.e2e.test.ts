import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_RUNNER } from '../server/testing/job-fixtures.ts';
import { TEST_JOB_KIND, testJobKinds } from '../server/testing/job-test-kind.ts';
import { type JobTestServer, startJobTestServer } from '../server/testing/job-test-server.ts';
import { type E2E, startE2E } from './harness.ts';

/**
 * A background job in the browser: its progress bar moves as steps are done, to done, without a
 * reload; a running job is cancelled after a confirmation. Jobs of the test kind call a loopback
 * server over HTTP, which holds the answers the test wants to hold.
 */

let e: E2E;
let remote: JobTestServer;
beforeAll(async () => {
  remote = await startJobTestServer();
  e = await startE2E({
    runJobs: true,
    jobKinds: testJobKinds,
    jobRunner: { ...FAST_RUNNER, concurrency: 4 },
  });
});
afterAll(async () => {
  await e?.close();
  await remote?.close();
});

const enqueue = (keys: string[]) =>
  e.verity.ctx.jobs.enqueue({
    kind: TEST_JOB_KIND,
    projectId: null,
    params: { url: remote.url, keys },
    createdBy: null,
  });

describe('jobs in the browser', () => {
  it("shows a job's progress moving to done, then cancels another after asking", async () => {
    const admin = await e.user('admin', 'Ada Admin');
    const quick = Array.from({ length: 10 }, (_, i) => `web-quick-${i}`);
    const held = Array.from({ length: 10 }, (_, i) => `web-held-${i}`);
    for (const key of held) remote.script(key, [{ hold: true }]);
    const id = await enqueue([...quick, ...held]);

    const { page } = await e.open(admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    const row = page.getByRole('row').filter({ hasText: `#${id}` });
    await row.getByRole('progressbar').waitFor();
    await row.getByRole('link', { name: `${TEST_JOB_KIND} #${id}` }).click();

    // Half the steps answer at once, the others are held: the bar stops half way.
    const bar = page.getByRole('progressbar', { name: `Job ${id} progress` });
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('50');
    expect(await bar.getAttribute('aria-valuetext')).toBe('50%: 10 of 20 steps done (running)');
    await page.getByText('10 / 20 done').waitFor();
    // The rest are let go: the bar moves on to done by itself.
    await expect
      .poll(
        async () => {
          remote.release();
          return bar.getAttribute('aria-valuenow');
        },
        { timeout: 20_000 },
      )
      .toBe('100');
    await page.getByText('20 / 20 done').waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toBe('100%: 20 of 20 steps done (done)');
    expect(await page.getByRole('button', { name: 'Cancel job' }).count()).toBe(0);

    // Another job, all held: cancelled from its page after the question.
    const stuck = Array.from({ length: 6 }, (_, i) => `web-stuck-${i}`);
    for (const key of stuck) remote.script(key, [{ hold: true }]);
    const other = await enqueue(stuck);
    await page.goto(`/jobs/${other}`);
    await page.getByText('Running').first().waitFor();
    await page.getByRole('button', { name: 'Cancel job' }).click();
    await page.getByText('Cancel this job? Steps not yet done will not run.').waitFor();
    await page.getByRole('button', { name: 'Keep it running' }).click();
    await page.getByRole('button', { name: 'Cancel job' }).click();
    await page.getByRole('button', { name: 'Yes, cancel the job' }).click();
    const otherBar = page.getByRole('progressbar', { name: `Job ${other} progress` });
    await expect
      .poll(() => otherBar.getAttribute('aria-valuetext'), { timeout: 20_000 })
      .toBe('0%: 0 of 6 steps done (cancelled)');
    await page.getByRole('button', { name: 'Cancel job' }).waitFor({ state: 'detached' });
    const after = await e.api.call(admin, 'GET', `/api/jobs/${other}`);
    expect(after.body).toMatchObject({ status: 'cancelled', doneSteps: 0 });
    expect(await page.getByRole('button', { name: 'Cancel job' }).count()).toBe(0);
    remote.release();
  });
});
