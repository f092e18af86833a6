import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

let s: CliServer;
let admin: string;
let dir: string;
beforeAll(async () => {
  s = await startCliServer();
  admin = await s.adminToken();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-user-import-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await s.close();
});

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('verity user import', () => {
  it('reports every bad line by line and column, exits 1 and changes nothing', async () => {
    const file = write(
      'bad.csv',
      'email,name,role\nok@cli-import.example,Ok,annotator\nnot-an-email,X,owner\n',
    );
    const r = await runCli(['user', 'import', file, '--token', admin], s.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 3, column email');
    expect(r.stderr).toContain('line 3, column role');
    const list = await runCli(['user', 'list', '--search', 'cli-import.example', '--token', admin], s.env);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('shows the plan on a dry run, then applies it and writes the invite links once', async () => {
    const file = write(
      'people.csv',
      'email,name,role\nada@cli-import.example,Ada,reviewer\nbob@cli-import.example,Bob,\n',
    );
    const dry = await runCli(['user', 'import', file, '--dry-run', '--token', admin], s.env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(
      /^line\s+email\s+action\s+changes\n2\s+ada@cli-import.example\s+create\s+role reviewer\n/,
    );
    expect(dry.stderr).toContain('dry run: would create 2, would update 0, unchanged 0');
    const none = await runCli(['user', 'list', '--search', 'cli-import.example', '--token', admin], s.env);
    expect(JSON.parse(none.stdout)).toEqual([]);

    const links = path.join(dir, 'links.csv');
    const done = await runCli(['user', 'import', file, '--links', links, '--json', '--token', admin], s.env);
    expect(done.code, done.stderr).toBe(0);
    const result = JSON.parse(done.stdout);
    expect(result).toMatchObject({ applied: true, created: 2 });
    const written = fs.readFileSync(links, 'utf8').trim().split('\r\n');
    expect(written[0]).toBe('email,invite_url,expires_at');
    expect(written.slice(1).map((l) => l.split(',')[0])).toEqual([
      'ada@cli-import.example',
      'bob@cli-import.example',
    ]);
    expect(written[1]).toContain(result.lines[0].inviteUrl);
    expect(fs.statSync(links).mode & 0o777).toBe(0o600);
    const list = await runCli(['user', 'list', '--search', 'cli-import.example', '--token', admin], s.env);
    expect(JSON.parse(list.stdout).map((u: { email: string; role: string }) => [u.email, u.role])).toEqual([
      ['ada@cli-import.example', 'reviewer'],
      ['bob@cli-import.example', 'annotator'],
    ]);
  });
});
