import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, injectApi, next, submit, validAnswers } from '../server/testing/factories.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

/** `verity worklog` over a real server: the payroll CSV, the JSON rows, a tutor's own scope. */

let s: CliServer;
let env: Record<string, string>;
const today = new Date().toISOString().slice(0, 10);
let tutorToken: string;
let projectId: number;
const emails: string[] = [];
beforeAll(async () => {
  s = await startCliServer();
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
  const api = injectApi(s.verity);
  const team = await buildTeam(api, { items: 3, annotators: 2, overlap: 2 });
  projectId = team.projectId;
  const pay = { unit: 'item', rateCents: 250, currency: 'GBP' };
  expect((await api.call(team.manager, 'PATCH', `/api/projects/${projectId}`, { pay })).status).toBe(200);
  for (const [who, count] of [
    [team.annotators[0]!, 2],
    [team.annotators[1]!, 1],
  ] as const) {
    emails.push(who.email);
    for (let i = 0; i < count; i++) {
      const got = await next(api, who, projectId);
      expect((await submit(api, who, got.body.assignment.id, validAnswers, undefined, 60_000)).status).toBe(
        200,
      );
    }
  }
  tutorToken = team.annotators[1]!.token;
});
afterAll(async () => s?.close());

describe('verity worklog', () => {
  it('prints the CSV for payroll, every tutor for an admin', async () => {
    const out = await runCli(
      ['worklog', '--from', today, '--to', today, '--project', String(projectId)],
      env,
    );
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^date,tutor_email,/);
    expect(lines.slice(1).sort()).toEqual(
      [
        `${today},${emails[0]},${emails[0]},${projectId},Assignments,2,0,0,2.00,item,2.50,GBP,5.00`,
        `${today},${emails[1]},${emails[1]},${projectId},Assignments,1,0,0,1.00,item,2.50,GBP,2.50`,
      ].sort(),
    );
  });

  it('prints the JSON rows with --json, and a tutor only their own', async () => {
    const out = await runCli(['worklog', '--from', today, '--to', today, '--json'], {
      ...env,
      VERITY_TOKEN: tutorToken,
    });
    expect(out.code, out.stderr).toBe(0);
    const body = JSON.parse(out.stdout);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({
      email: emails[1],
      submitted: 1,
      activeMs: 60_000,
      amountCents: 250,
    });
  });

  it('reports a bad date with the field it names', async () => {
    const out = await runCli(['worklog', '--from', '2026-02-30', '--to', today], env);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/from/);
  });
});
