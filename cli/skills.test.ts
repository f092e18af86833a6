import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../server/testing/factories.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

/** `verity skill list|add` and `verity user skills` over a real server. */

let s: CliServer;
let env: Record<string, string>;
beforeAll(async () => {
  s = await startCliServer();
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
});
afterAll(async () => s?.close());

describe('verity skill and user skills', () => {
  it('adds skills, lists them, grants, changes and revokes them by email', async () => {
    for (const name of ['math', 'math.algebra']) {
      const out = await runCli(['skill', 'add', name, '--description', `all of ${name}`], env);
      expect(out.code, out.stderr).toBe(0);
    }
    const list = await runCli(['skill', 'list'], env);
    expect(JSON.parse(list.stdout).map((x: { name: string }) => x.name)).toEqual(['math', 'math.algebra']);
    const tutor = await seedUser(s.verity, 'annotator');
    const granted = await runCli(
      ['user', 'skills', '--email', tutor.email, '--grant', 'math:2', '--grant', 'math.algebra:3'],
      env,
    );
    expect(granted.code, granted.stderr).toBe(0);
    const held = JSON.parse(granted.stdout);
    expect(
      held.items.map((x: { skill: string; level: number; source: string }) => [x.skill, x.level, x.source]),
    ).toEqual([
      ['math', 2, 'granted'],
      ['math.algebra', 3, 'granted'],
    ]);
    const revoked = await runCli(['user', 'skills', '--email', tutor.email, '--revoke', 'math.algebra'], env);
    expect(JSON.parse(revoked.stdout).items.map((x: { skill: string }) => x.skill)).toEqual(['math']);
  });

  it('names a bad --grant or NAME before calling the server', async () => {
    const bad = await runCli(['user', 'skills', '--email', 'x@example.org', '--grant', 'math:5'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--grant "math:5"');
    const name = await runCli(['skill', 'add', 'Math'], env);
    expect(name.code).not.toBe(0);
    expect(name.stderr).toContain('skill name "Math" must be lowercase');
  });
});
