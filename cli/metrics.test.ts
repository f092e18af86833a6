import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

/** `verity metrics` over a project whose work was imported from another tool (external annotators). */

let s: CliServer;
let env: Record<string, string>;
let projectId: number;
beforeAll(async () => {
  s = await startCliServer();
  const token = await s.adminToken();
  env = { ...s.env, VERITY_TOKEN: token };
  const dir = fs.mkdtempSync(path.join(s.config.dataDir, 'metrics-'));
  const iface = {
    fields: [{ name: 'text', type: 'text' }],
    questions: [
      { name: 'topic', type: 'choice', options: ['algebra', 'geometry'] },
      { name: 'difficulty', type: 'rating', min: 1, max: 5 },
      { name: 'comment', type: 'text' },
    ],
  };
  fs.writeFileSync(path.join(dir, 'interface.json'), JSON.stringify(iface));
  const created = await runCli(
    [
      'project',
      'create',
      '--name',
      'Agreement',
      '--interface',
      path.join(dir, 'interface.json'),
      '--overlap',
      '3',
    ],
    env,
  );
  expect(created.code, created.stderr).toBe(0);
  projectId = JSON.parse(created.stdout).id;
  const work: [string, number][][] = [
    [
      ['algebra', 1],
      ['algebra', 2],
      ['algebra', 1],
    ],
    [
      ['geometry', 3],
      ['geometry', 3],
      ['algebra', 4],
    ],
    [
      ['algebra', 5],
      ['geometry', 5],
      ['algebra', 5],
    ],
  ];
  const lines = work.map((answers, i) => ({
    id: `item-${i}`,
    data: { text: `item ${i}` },
    annotations: answers.map(([topic, difficulty], j) => ({
      annotator: `coder-${j}`,
      answers: { topic, difficulty },
      status: 'submitted',
    })),
  }));
  fs.writeFileSync(path.join(dir, 'items.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const imported = await runCli(
    ['import', path.join(dir, 'items.jsonl'), '--project', String(projectId)],
    env,
  );
  expect(imported.code, imported.stderr).toBe(0);
});
afterAll(async () => s.close());

describe('verity metrics', () => {
  it('prints exactly the API report with --json', async () => {
    const res = await fetch(`${env.VERITY_URL}/api/projects/${projectId}/metrics`, {
      headers: { authorization: `Bearer ${env.VERITY_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const api = await res.json();
    const out = await runCli(['metrics', '--project', String(projectId), '--json'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(api);
    expect(api.questions.topic).toMatchObject({ type: 'choice', n: 9, units: 3 });
    expect(Object.keys(api.annotators)).toEqual(['coder-0', 'coder-1', 'coder-2']);
  });

  it('prints a table per question and one of the annotators', async () => {
    const out = await runCli(['metrics', '--project', String(projectId)], env);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('topic (choice, 9 answers, 3 units)');
    expect(out.stdout).toMatch(/alpha nominal\s+-?\d\.\d{3}/);
    expect(out.stdout).toMatch(/Cohen coder-0 × coder-1 \(n 3\)\s+unweighted -?\d\.\d{3}, linear/);
    expect(out.stdout).toContain('comment (text, 0 answers)\n  not measured: reviewed by people');
    expect(out.stdout).toMatch(/coder-2\s+\d\.\d{3} \(12 pairs\)/);
  });
});

describe('verity judge report', () => {
  it('prints exactly the API report with --json', async () => {
    const res = await fetch(`${env.VERITY_URL}/api/projects/${projectId}/judges/report?method=dawid-skene`, {
      headers: { authorization: `Bearer ${env.VERITY_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const api = await res.json();
    const out = await runCli(
      ['judge', 'report', '--project', String(projectId), '--method', 'dawid-skene', '--json'],
      env,
    );
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(api);
    expect(api.method).toBe('dawid-skene');
  });

  it('prints each annotator against the consensus of the others, overall and per question', async () => {
    const out = await runCli(['judge', 'report', '--project', String(projectId)], env);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(
      "people's consensus: majority; judges in the consensus export: no; gold items: 0",
    );
    // coder-2 against coder-0 and coder-1: topic 1 of 2 (item 2 a tie), difficulty 1 of 2 (item 0 a tie).
    expect(out.stdout).toMatch(/overall\n(.*\n)*\s+coder-2\s+human\s+0\.500 \(2\/4\)\s+—/);
    expect(out.stdout).toMatch(/topic\n(.*\n)*\s+coder-2\s+human\s+0\.500 \(1\/2\)/);
  });

  it('refuses a method it does not know', async () => {
    const out = await runCli(['judge', 'report', '--project', String(projectId), '--method', 'vote'], env);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('--method must be one of majority, dawid-skene');
  });
});
