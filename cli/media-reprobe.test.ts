import { afterAll, beforeAll, expect, it } from 'vitest';
import { audioInterface, wavTone } from '../server/testing/media-fixtures.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

let s: CliServer;
let env: Record<string, string>;
beforeAll(async () => {
  // No job runner: an uploaded file's probe stays planned, so what the command plans stays too.
  s = await startCliServer();
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
});
afterAll(async () => s.close());

const api = async (method: string, url: string, body: unknown, type = 'application/json') => {
  const res = await fetch(`${env.VERITY_URL}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${env.VERITY_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': type }),
    },
    ...(body === undefined
      ? {}
      : { body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body) }),
  });
  return (await res.json()) as any;
};

it('verity media reprobe plans a probe for media never probed, once, and says what it did', async () => {
  const project = await api('POST', '/api/projects', { name: 'Clips', interface: audioInterface });
  const upload = await api('POST', `/api/projects/${project.id}/media`, wavTone({ hz: 330 }), 'audio/wav');
  // The upload's own probe never runs here; cancelled, it leaves a file that was never probed.
  const planned = await api('GET', `/api/jobs?projectId=${project.id}`, undefined);
  expect(planned.items).toHaveLength(1);
  expect((await api('POST', `/api/jobs/${planned.items[0].id}/cancel`, {})).status).toBe('cancelled');

  const listed = await runCli(['media', 'list', '--project', String(project.id)], env);
  expect(listed.code, listed.stderr).toBe(0);
  expect(listed.stdout).toMatch(
    new RegExp(`^REF +FILE +TYPE +DURATION +STATE\\n${upload.ref} +audio/wav +pending\\n$`),
  );
  const failedList = await runCli(
    ['media', 'list', '--project', String(project.id), '--status', 'failed'],
    env,
  );
  expect(failedList.stdout).toBe(`No media in project ${project.id} (failed).\n`);
  const json = await runCli(['media', 'list', '--project', String(project.id), '--json'], env);
  expect(JSON.parse(json.stdout)).toMatchObject({
    id: upload.id,
    status: 'pending',
    facts: { durationSeconds: null },
  });
  const bad = await runCli(['media', 'list', '--project', String(project.id), '--status', 'odd'], env);
  expect(bad.stderr).toMatch(/--status must be one of all, failed, pending, ready/);

  const failedOnly = await runCli(
    ['media', 'reprobe', '--project', String(project.id), '--failed-only'],
    env,
  );
  expect(failedOnly, failedOnly.stderr).toMatchObject({ code: 0 });
  expect(failedOnly.stdout).toBe(`No media of project ${project.id} to probe again.\n`);

  const res = await runCli(['media', 'reprobe', '--project', String(project.id)], env);
  expect(res.code, res.stderr).toBe(0);
  const job = await s.verity.store.db
    .selectFrom('jobs')
    .select(['id', 'params'])
    .where('kind', '=', 'probe')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  expect(JSON.parse(job.params).mediaIds).toEqual([upload.id]);
  expect(res.stdout).toBe(`Probing 1 media file again: job ${job.id} (verity jobs show ID).\n`);

  // Its probe is planned: asking again plans nothing more.
  const twice = await runCli(['media', 'reprobe', '--project', String(project.id)], env);
  expect(twice.stdout).toBe(`No media of project ${project.id} to probe again.\n`);

  const missing = await runCli(['media', 'reprobe'], env);
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toMatch(/--project/);
});
