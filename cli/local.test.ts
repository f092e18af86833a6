import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellQuote } from '../core/command-line.ts';
import { BIN, type CliServer, runCli, startCliServer } from './test-support.ts';

let s: CliServer;
beforeAll(async () => {
  s = await startCliServer();
});
afterAll(async () => s.close());

describe('verity user add / token create (local store)', () => {
  it('creates an admin whose token then works against the running server', async () => {
    const add = await runCli(
      [
        'user',
        'add',
        '--email',
        'First@Example.org',
        '--name',
        'First Admin',
        '--role',
        'admin',
        '--password-stdin',
      ],
      s.env,
      { input: 'correct horse battery\nignored second line\n' },
    );
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({
      email: 'first@example.org',
      name: 'First Admin',
      role: 'admin',
    });

    const token = await runCli(['token', 'create', '--email', 'first@example.org'], s.env);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout).toMatch(/^vt_\S+\n$/);
    expect(token.stderr).toContain('shown only this once');

    const users = await runCli(['user', 'list', '--token', token.stdout.trim()], s.env);
    expect(users.code, users.stderr).toBe(0);
    expect(JSON.parse(users.stdout).map((u: { email: string }) => u.email)).toContain('first@example.org');
    const found = await runCli(
      ['user', 'list', '--search', 'FIRST ADM', '--token', token.stdout.trim()],
      s.env,
    );
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout).map((u: { email: string }) => u.email)).toEqual(['first@example.org']);
    const none = await runCli(['user', 'list', '--search', 'nobody', '--token', token.stdout.trim()], s.env);
    expect(JSON.parse(none.stdout)).toEqual([]);

    const login = await fetch(`${s.env.VERITY_URL}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'first@example.org', password: 'correct horse battery' }),
    });
    expect(login.status).toBe(200);
  });

  it('asks for the password without echoing it when --password-stdin meets a terminal', async () => {
    // `script` gives the command a terminal, as when the first-run hint is pasted into one.
    const command = `${shellQuote(process.execPath)} ${shellQuote(BIN)} user add --email typed@example.org --name Typed --password-stdin`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, ...s.env } });
    let seen = '';
    let typed = false;
    child.stdout.on('data', (c: Buffer) => {
      seen += c.toString();
      if (!typed && seen.includes('Password for typed@example.org: ')) {
        typed = true;
        child.stdin.write('typed-at-a-prompt\r');
      }
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code, seen).toBe(0);
    expect(seen, JSON.stringify(seen)).not.toContain('typed-at-a-prompt');
    const login = await fetch(`${s.env.VERITY_URL}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'typed@example.org', password: 'typed-at-a-prompt' }),
    });
    expect(login.status).toBe(200);
  });

  it('refuses a second user with the same email, naming it (exit 1)', async () => {
    const args = ['user', 'add', '--email', 'twice@example.org', '--name', 'Twice'];
    expect((await runCli(args, s.env)).code).toBe(0);
    const again = await runCli(args, s.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error CONFLICT: A user with email twice@example.org already exists.');
  });

  it('rejects an unknown role as a usage error (exit 2)', async () => {
    const r = await runCli(
      ['user', 'add', '--email', 'r@example.org', '--name', 'R', '--role', 'boss'],
      s.env,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--role must be one of admin, manager, reviewer, annotator');
  });

  it('refuses a name with an invisible character, naming --name and the character (exit 1)', async () => {
    const r = await runCli(['user', 'add', '--email', 'zw@example.org', '--name', 'Ada\u200B'], s.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error VALIDATION_FAILED: --name: U+200B (zero width space) is not allowed');
  });

  it('does not create a token for an unknown email (exit 1)', async () => {
    const r = await runCli(['token', 'create', '--email', 'nobody@example.org'], s.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no user with email nobody@example.org');
    // The hint names this store, so pasting it elsewhere creates the user where the token is made.
    const hint = r.stderr.split('create one with: ')[1]!.trim();
    expect(hint).toContain(
      'npx verity user add --email nobody@example.org --name "Your Name" --password-stdin',
    );
    expect(hint).toContain(s.config.databaseUrl ? 'DATABASE_URL=' : `--data ${s.config.dataDir}`);
  });

  it('user reset-password prints a one-time link that sets a new password through the running server', async () => {
    const add = await runCli(
      ['user', 'add', '--email', 'forgetful@example.org', '--name', 'Forgetful', '--password-stdin'],
      s.env,
      { input: 'the original password\n' },
    );
    expect(add.code, add.stderr).toBe(0);
    const made = await runCli(['user', 'reset-password', '--email', 'Forgetful@Example.org'], s.env);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(new RegExp(`^${s.env.VERITY_URL}/reset-password#token=vr_\\S+\n$`));
    expect(made.stderr).toMatch(/valid until \d{4}-\d\d-\d\dT\S+Z \(24 hours\)\. It is shown only this once/);
    const token = made.stdout.trim().split('#token=')[1];

    const post = (path: string, body: unknown) =>
      fetch(`${s.env.VERITY_URL}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/api/auth/password-reset', { token, newPassword: 'a remembered one' })).status).toBe(
      204,
    );
    const login = await post('/api/auth/login', {
      email: 'forgetful@example.org',
      password: 'a remembered one',
    });
    expect(login.status).toBe(200);
    const again = await post('/api/auth/password-reset', { token, newPassword: 'a third password' });
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('RESET_LINK_INVALID');

    // --url (or VERITY_PUBLIC_URL) names the address people open Verity at.
    const publicLink = await runCli(
      ['user', 'reset-password', '--email', 'forgetful@example.org', '--url', 'https://verity.example.org/x'],
      s.env,
    );
    expect(publicLink.stdout).toMatch(/^https:\/\/verity\.example\.org\/reset-password#token=vr_\S+\n$/);
  });

  it('user reset-password refuses an unknown email with the command that would create it, and a suspended account', async () => {
    const unknown = await runCli(['user', 'reset-password', '--email', 'nobody@example.org'], s.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('no user with email nobody@example.org in this store; create one with:');

    const add = await runCli(['user', 'add', '--email', 'gone@example.org', '--name', 'Gone'], s.env);
    expect(add.code, add.stderr).toBe(0);
    const token = await s.adminToken();
    const suspend = await runCli(['user', 'suspend', '--email', 'gone@example.org', '--token', token], s.env);
    expect(suspend.code, suspend.stderr).toBe(0);
    const refused = await runCli(['user', 'reset-password', '--email', 'gone@example.org'], s.env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('error CONFLICT: gone@example.org is suspended');
  });

  it('makes no store where none is: a token for a folder without one is refused, naming it', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-nostore-'));
    try {
      const r = await runCli(['token', 'create', '--email', 'first@example.org', '--data', empty], {
        VERITY_SECRET: s.env.VERITY_SECRET!,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`no Verity store in ${empty}; pass --data with the folder`);
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('points at the start command for the port a local server was expected on', async () => {
    const r = await runCli(['project', 'list', '--url', 'http://127.0.0.1:9', '--token', 'vt_x'], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is the server running? Start one with: npx verity start --port 9');
  });
});
