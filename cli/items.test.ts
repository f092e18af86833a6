import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonl, sampleInterface } from '../server/testing/harness.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

let s: CliServer;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  s = await startCliServer();
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
  dir = fs.mkdtempSync(path.join(s.config.dataDir, 'files-'));
});
afterAll(async () => s.close());

const file = (name: string, content: string) => {
  fs.writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};

async function newProject(): Promise<string> {
  const res = await fetch(`${env.VERITY_URL}/api/projects`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.VERITY_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'P', interface: sampleInterface }),
  });
  return String(((await res.json()) as { id: number }).id);
}

const itemCount = async (projectId: string) => {
  const r = await runCli(['project', 'show', '--project', projectId], env);
  return JSON.parse(r.stdout).progress.items as number;
};

const rows = jsonl([
  { id: 'a', data: { text: 'first', source: 's' } },
  { id: 'b', data: { source: 's' } },
  { id: 'c', data: { text: 'third', source: 's' } },
]);

describe('verity import / export', () => {
  it('imports nothing from a JSONL file with a bad line, and says which (exit 1)', async () => {
    const project = await newProject();
    const r = await runCli(['import', file('bad.jsonl', rows), '--project', project], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^line 2: .*text/m);
    expect(r.stderr).toContain(
      '1 invalid line; nothing was imported (use --skip-invalid to import the valid lines)',
    );
    expect(await itemCount(project)).toBe(0);
  });

  it('says "0 items imported" for a file with no item lines', async () => {
    const project = await newProject();
    for (const [name, content] of [
      ['empty.jsonl', ''],
      ['blank.jsonl', '\n\n'],
      ['header.csv', 'text,source\n'],
    ] as const) {
      const r = await runCli(['import', file(name, content), '--project', project], env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ imported: 0, invalid: 0 });
      expect(r.stderr.trim(), name).toBe('0 items imported: the file holds no items.');
    }
  });

  it('imports the valid lines with --skip-invalid and reports the rest', async () => {
    const project = await newProject();
    const r = await runCli(['import', file('skip.jsonl', rows), '--project', project, '--skip-invalid'], env);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ imported: 2, invalid: 1 });
    expect(r.stderr).toContain('2 items imported; 1 invalid line skipped.');
    expect(result.errors[0].line).toBe(2);
  });

  it('imports a CSV file and exports it to --out, one JSON line per item', async () => {
    const project = await newProject();
    const csv = file('items.csv', 'id,text,source\nx1,"hello, world",web\nx2,"two\nlines",book\n');
    const imported = await runCli(['import', csv, '--project', project], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, invalid: 0 });

    const out = path.join(dir, 'export.jsonl');
    const exported = await runCli(['export', '--project', project, '--format', 'jsonl', '--out', out], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toBe('');
    const lines = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.externalId, l.data])).toEqual([
      ['x1', { text: 'hello, world', source: 'web' }],
      ['x2', { text: 'two\nlines', source: 'book' }],
    ]);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);

    const toStdout = await runCli(['export', '--project', project], env);
    expect(toStdout.stdout).toBe(fs.readFileSync(out, 'utf8'));
  });

  it('asks for --format when the extension does not tell (exit 2)', async () => {
    const r = await runCli(['import', file('items.txt', rows), '--project', '1'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --format jsonl|csv');
  });
});
