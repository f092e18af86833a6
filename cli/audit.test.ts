import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

/** `verity audit` over a real server: the table, JSON lines, filters, a bad flag. */

let s: CliServer;
let env: Record<string, string>;
beforeAll(async () => {
  s = await startCliServer();
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
  const add = await runCli(['user', 'add', '--email', 'audited@example.org', '--name', 'Audited'], s.env, {
    input: 'pw-audited-1234\n',
  });
  expect(add.code, add.stderr).toBe(0);
});
afterAll(async () => s?.close());

describe('verity audit', () => {
  it('prints a table by default and JSON lines with --json, filtered', async () => {
    const table = await runCli(['audit', '--action', 'user.create'], env);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^AT\s+ACTOR\s+ACTION\s+TARGET\s+EMAIL\s+PROJECT\s+CHANGE$/);
    expect(lines.some((l) => l.includes('audited@example.org') && l.includes('(system)'))).toBe(true);
    const json = await runCli(['audit', '--action', 'user.', '--since', '2020-01-01', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    const entries = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries.find((e) => e.targetEmail === 'audited@example.org')).toMatchObject({
      action: 'user.create',
      actorId: null,
      after: { email: 'audited@example.org', name: 'Audited', role: 'annotator' },
    });
    const none = await runCli(['audit', '--until', '2020-01-01', '--json'], env);
    expect(none.stdout).toBe('');
  });

  it('names a bad --since', async () => {
    const out = await runCli(['audit', '--since', 'yesterday'], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--since');
  });
});
