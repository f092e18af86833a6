import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, insertUser } from '../server/testing/harness.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

let s: CliServer;
let admin: string;
beforeAll(async () => {
  s = await startCliServer();
  admin = await s.adminToken();
});
afterAll(async () => s.close());

const tutor = async (email: string) => {
  const row = await insertUser(s.verity.store.db, {
    email,
    name: email,
    role: 'annotator',
    passwordHash: null,
  });
  return (await createToken(s.verity.ctx, row.id, 'test')).token;
};
const me = (token: string) =>
  fetch(`${s.env.VERITY_URL}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then(
    (r) => r.status,
  );

describe('verity user suspend / offboard / reinstate', () => {
  it('suspends the emails given and those of a file, reports each, and exits 1 for one not found', async () => {
    const tokens = [await tutor('a@cli.example'), await tutor('b@cli.example'), await tutor('c@cli.example')];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-emails-'));
    const file = path.join(dir, 'emails.txt');
    fs.writeFileSync(file, '# leaving in December\nb@cli.example\n\nC@cli.example\nnobody@cli.example\n');
    try {
      const r = await runCli(
        ['user', 'suspend', '--email', 'a@cli.example', '--file', file, '--token', admin],
        s.env,
      );
      expect(r.code, r.stderr).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.results.map((x: { target: string; outcome: string }) => [x.target, x.outcome])).toEqual([
        ['a@cli.example', 'suspended'],
        ['b@cli.example', 'suspended'],
        ['c@cli.example', 'suspended'],
        ['nobody@cli.example', 'not_found'],
      ]);
      expect(r.stderr).toContain('suspend: 3 changed, 0 already so, 1 not found (nobody@cli.example)');
      for (const token of tokens) expect(await me(token)).toBe(403);

      const back = await runCli(
        ['user', 'reinstate', '--email', 'a@cli.example', '--email', 'b@cli.example', '--token', admin],
        s.env,
      );
      expect(back.code, back.stderr).toBe(0);
      expect(await me(tokens[0]!)).toBe(200);
      expect(await me(tokens[2]!)).toBe(403);

      const off = await runCli(['user', 'offboard', '--email', 'a@cli.example', '--token', admin], s.env);
      expect(off.code, off.stderr).toBe(0);
      expect(JSON.parse(off.stdout).results[0].outcome).toBe('offboarded');
      await runCli(['user', 'reinstate', '--email', 'a@cli.example', '--token', admin], s.env);
      expect(await me(tokens[0]!)).toBe(401);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a malformed email by its flag or its line in the file, and suspends no one', async () => {
    const token = await tutor('d@cli.example');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-emails-'));
    const file = path.join(dir, 'emails.txt');
    fs.writeFileSync(file, '# comment\nd@cli.example\n\nnot-an-email\n');
    try {
      const r = await runCli(['user', 'suspend', '--email', 'a@x', '--file', file, '--token', admin], s.env);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('VALIDATION_FAILED: --email "a@x": Invalid email address');
      expect(r.stderr).toContain(`--file ${file} line 4 "not-an-email": Invalid email address`);
      expect(r.stdout).toBe('');
      expect(await me(token)).toBe(200);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for at least one user', async () => {
    const r = await runCli(['user', 'suspend', '--token', admin], s.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give --email, --id or --file');
  });
});
