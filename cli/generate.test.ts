import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectApi, seedUser } from '../server/testing/factories.ts';
import { addConnection, itemsOf, promptProject } from '../server/testing/generation.ts';
import type { TestUser } from '../server/testing/harness.ts';
import { closedPortUrl } from '../server/testing/loopback.ts';
import { type OpenAiServer, startOpenAiServer } from '../server/testing/openai-server.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

/**
 * `verity generate` (docs/generation.md) against a server that runs jobs and the loopback model
 * server: without --wait it prints the job and how to follow it; with --wait it follows the job to
 * its end and exits 0, or 1 when the job failed.
 */
const KEY = 'sk-cli-generate-61f0';
let s: CliServer;
let ai: OpenAiServer;
let admin: TestUser;
let env: Record<string, string>;

beforeAll(async () => {
  s = await startCliServer({
    runJobs: true,
    jobRunner: { pollMs: 20, maxAttempts: 2, backoffBaseMs: 10, backoffCapMs: 20 },
  });
  ai = await startOpenAiServer({ apiKey: KEY, models: ['gen-model'] });
  admin = await seedUser(s.verity, 'admin');
  env = { ...s.env, VERITY_TOKEN: admin.token };
});
afterAll(async () => {
  await s?.close();
  await ai?.close();
});

describe('verity generate', () => {
  it('starts a job and says how to follow it; with --wait it follows it to the end', async () => {
    const { projectId } = await promptProject(injectApi(s.verity), admin, 2);
    const conn = await addConnection(s.verity, admin.id, { baseUrl: ai.baseURL, apiKey: KEY });
    const started = await runCli(
      ['generate', '--project', String(projectId), '--connection', conn.name, '--candidates', '2'],
      env,
    );
    expect(started.code, started.stderr).toBe(0);
    const { jobId } = JSON.parse(started.stdout);
    expect(started.stderr).toContain(`npx verity jobs show ${jobId}`);

    const other = await promptProject(injectApi(s.verity), admin, 3);
    const waited = await runCli(
      [
        'generate',
        '--project',
        String(other.projectId),
        '--connection',
        String(conn.id),
        '--candidates',
        '2',
        '--wait',
      ],
      env,
    );
    expect(waited.code, waited.stderr).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ status: 'succeeded', doneSteps: 6, totalSteps: 6 });
    const items = await itemsOf(s.verity, other.projectId);
    expect(items.every((i) => i.awaiting === 0 && i.data.pair.length === 2)).toBe(true);
  });

  it('exits 1 when the job fails, and refuses K that does not fit before any job', async () => {
    const { projectId } = await promptProject(injectApi(s.verity), admin, 1);
    const down = await addConnection(s.verity, admin.id, { baseUrl: `${(await closedPortUrl()).url}/v1` });
    const failed = await runCli(
      ['generate', '--project', String(projectId), '--connection', down.name, '--candidates', '2', '--wait'],
      env,
    );
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).status).toBe('failed');
    const three = await runCli(
      ['generate', '--project', String(projectId), '--connection', down.name, '--candidates', '3'],
      env,
    );
    expect(three.code).toBe(1);
    expect(three.stderr).toMatch(/exactly 2 candidates/);
  });
});
