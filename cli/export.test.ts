import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonl, sampleInterface } from '../server/testing/harness.ts';
import { tutorInterface, tutorLine } from '../server/testing/tutor-fixture.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

let s: CliServer;
let env: Record<string, string>;
let project: string;
beforeAll(async () => {
  s = await startCliServer();
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
  const res = await fetch(`${env.VERITY_URL}/api/projects`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.VERITY_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'P', interface: sampleInterface, overlap: 1 }),
  });
  project = String(((await res.json()) as { id: number }).id);
  const annotation = (status: string) => ({
    annotator: 'crowd-1',
    answers: { topic: 'algebra' },
    status,
    createdAt: '2026-01-01T10:00:00Z',
  });
  const body = jsonl([
    { id: 'done', data: { text: 'a', source: 's' }, annotations: [annotation('submitted')] },
    { id: 'drafted', data: { text: 'b', source: 's' }, annotations: [annotation('draft')] },
    { id: 'untouched', data: { text: 'c', source: 's' } },
  ]);
  const imported = await fetch(`${env.VERITY_URL}/api/projects/${project}/items`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.VERITY_TOKEN}`, 'content-type': 'application/x-ndjson' },
    body,
  });
  expect(imported.status).toBe(201);
});
afterAll(async () => s.close());

async function exported(...flags: string[]) {
  const r = await runCli(['export', '--project', project, ...flags], env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map(
      (l) =>
        JSON.parse(l) as {
          id: number;
          externalId: string;
          annotations: { status: string; answers: unknown }[];
        },
    );
}

describe('verity export with filters', () => {
  it('passes each filter flag to the export', async () => {
    const all = await exported();
    expect(all.map((l) => [l.externalId, l.annotations.map((a) => a.status)])).toEqual([
      ['done', ['submitted']],
      ['drafted', ['draft']],
      ['untouched', []],
    ]);
    expect(all[0]!.annotations[0]!.answers).toEqual({
      topic: 'algebra',
      flags: null,
      entities: null,
      difficulty: null,
      steps: null,
      comment: null,
    });
    const names = (lines: { externalId: string }[]) => lines.map((l) => l.externalId);
    expect((await exported('--submitted-only')).map((l) => l.annotations.length)).toEqual([1, 0, 0]);
    expect(names(await exported('--complete-only'))).toEqual(['done']);
    expect(names(await exported('--from', '2026-01-01', '--to', '2026-01-01'))).toEqual(['done']);
    expect(names(await exported('--from', '2026-01-02'))).toEqual([]);
    expect(names(await exported('--ids', `${all[2]!.id},${all[1]!.id}`))).toEqual(['drafted', 'untouched']);
    expect(names(await exported('--submitted-only', '--ids', String(all[1]!.id)))).toEqual(['drafted']);
  });

  it('names the flag of a bad value (exit 2), and the ids that are not items of the project (exit 1)', async () => {
    const bad = await runCli(['export', '--project', project, '--from', 'yesterday'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from: "yesterday" is not an ISO 8601 date');
    const ids = await runCli(['export', '--project', project, '--ids', '1,x'], env);
    expect(ids.code).toBe(2);
    expect(ids.stderr).toContain('--ids: "x" is not an item id');
    const outside = await runCli(['export', '--project', project, '--ids', '999999'], env);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('query.ids: not an item of this project: 999999');
  });
});

describe('verity export --format', () => {
  let tutor: string;
  beforeAll(async () => {
    const res = await fetch(`${env.VERITY_URL}/api/projects`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.VERITY_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Tutor', interface: tutorInterface }),
    });
    tutor = String(((await res.json()) as { id: number }).id);
    const imported = await fetch(`${env.VERITY_URL}/api/projects/${tutor}/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.VERITY_TOKEN}`, 'content-type': 'application/x-ndjson' },
      body: jsonl([tutorLine(5), tutorLine(6), tutorLine(7)]),
    });
    expect(imported.status).toBe(201);
  });

  const lines = async (...flags: string[]) => {
    const r = await runCli(['export', '--project', tutor, ...flags], env);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  it('writes the format asked for, with its options', async () => {
    const all = await lines('--format', 'preference');
    const adjacent = await lines('--format', 'preference', '--pairs', 'adjacent');
    expect(all.length).toBeGreaterThan(adjacent.length);
    expect(Object.keys(all[0]!)).toContain('chosen_id');
    const openai = await lines('--format', 'openai-preference');
    expect(Object.keys(openai[0]!)).toEqual(['input', 'preferred_output', 'non_preferred_output']);
    const kto = await lines('--format', 'kto', '--threshold', '0.5');
    expect(kto.some((l) => l.label === true) && kto.some((l) => l.label === false)).toBe(true);
    expect((await lines('--format', 'sft'))[0]).toHaveProperty('messages');
  });

  it('makes the training formats from the consensus with --consensus', async () => {
    // Items 5, 6 and 7 have one submitted answer each: b over a (5, 7), a tie (6); rankings
    // [[y,z],[w,x]] (5) and [[y,z],[x],[w]] (6, 7). Bradley–Terry keeps their tiers.
    const pairs = await lines('--format', 'preference', '--consensus', 'majority');
    const tail = ['y>x:1', 'z>x:1', 'y>w:2', 'z>w:2', 'x>w:1'];
    expect(pairs.map((l) => `${l.chosen_id}>${l.rejected_id}:${l.margin}`)).toEqual([
      ...['b>a:1', 'y>w:1', 'y>x:1', 'z>w:1', 'z>x:1'],
      ...tail,
      ...['b>a:1', ...tail],
    ]);
    for (const l of pairs)
      expect([l.annotator, l.consensus_method, l.consensus_annotators]).toEqual([null, 'bradley-terry', 1]);
    expect(await lines('--format', 'sft', '--consensus', 'dawid-skene')).toEqual(
      await lines('--format', 'sft'),
    );
  });

  it('writes a CSV file with --out', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-csv-')), 'out.csv');
    const r = await runCli(
      ['export', '--project', tutor, '--format', 'csv', '--submitted-only', '--out', file],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = fs.readFileSync(file, 'utf8').split('\r\n');
    expect(rows[0]).toBe(
      'item_id,external_id,annotator,status,submitted_at,compare,order,grade,proof,ideal,per_turn,note',
    );
    expect(rows.filter((row) => row.includes(',submitted,'))).toHaveLength(3);
  });

  it('writes a ZIP format to --out, and asks for --out rather than write one to the terminal', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-zip-')), 'subs.zip');
    const r = await runCli(['export', '--project', tutor, '--format', 'webvtt', '--out', file], env);
    expect(r.code, r.stderr).toBe(0);
    // The project has no segments question: an empty archive, still a valid one.
    expect(unzipSync(new Uint8Array(fs.readFileSync(file)))).toEqual({});
    const bare = await runCli(['export', '--project', tutor, '--format', 'mot'], env);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--format mot writes a ZIP archive: give --out FILE');
  });

  it('names the flag of a bad format, pairs or threshold (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['--format', 'parquet'], '--format must be one of jsonl, sft, preference'],
      [['--format', 'preference', '--pairs', 'some'], '--pairs must be one of all, adjacent'],
      [['--format', 'kto', '--threshold', '2'], '--threshold: "2" is not a number from 0 to 1'],
      [['--format', 'sft', '--pairs', 'all'], '--pairs: applies to the formats preference'],
      [
        ['--format', 'csv', '--consensus', 'majority'],
        '--consensus: applies to the formats jsonl, sft, preference, preference-chat, openai-preference, not csv',
      ],
      [['--consensus', 'vote'], '--consensus: "vote" is not a consensus method; expected one of majority'],
      [
        ['--format', 'sft', '--consensus', 'majority', '--include-models'],
        '--include-models: does not apply with consensus',
      ],
      [
        ['--format', 'segments', '--nemo-per', 'file'],
        '--nemo-per: applies to the format nemo, not segments',
      ],
    ];
    for (const [flags, message] of cases) {
      const r = await runCli(['export', '--project', tutor, ...flags], env);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
