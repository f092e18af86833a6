import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJsonLine } from '../../core/codecs/jsonl-item.ts';
import { candidatesOf, parseInterface, splitSteps, validateItemData } from '../../core/interface/index.ts';
import { CliError } from '../errors.ts';
import { ANSWER_KEY, checkDemoProject, DEMO_DIR, readDemoProjects } from './content.ts';

const manifest = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'projects.json'), 'utf8')) as {
  folder: string;
  name: string;
}[];
const lines = (folder: string) =>
  fs
    .readFileSync(path.join(DEMO_DIR, folder, 'items.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

describe('the demo projects shipped in cli/demo', () => {
  it.each(manifest.map((p) => [p.folder]))('%s: the interface parses and every item validates', (folder) => {
    const iface = parseInterface(
      JSON.parse(fs.readFileSync(path.join(DEMO_DIR, folder, 'interface.json'), 'utf8')),
    );
    expect(iface.ok ? [] : iface.errors).toEqual([]);
    if (!iface.ok) return;
    lines(folder).forEach((text, i) => {
      // The import's own decoder first (unknown keys, ids), then the data against the fields.
      const decoded = decodeJsonLine({ line: i + 1, text });
      expect(decoded?.ok ? null : decoded, `${folder} line ${i + 1}`).toBeNull();
      const problems = validateItemData(iface.value, JSON.parse(text).data);
      expect(problems.map((p) => `line ${i + 1}: ${p.message}`)).toEqual([]);
    });
  });

  it('covers every tutoring question kind, each project with its guidelines', () => {
    const projects = readDemoProjects();
    const kinds = new Set(projects.flatMap((p) => p.body.interface.questions.map((q) => q.type)));
    for (const kind of ['pairwise', 'ranking', 'rubric', 'steps', 'rewrite', 'turns'])
      expect(kinds).toContain(kind);
    for (const p of projects) expect(p.body.guidelines.length, p.folder).toBeGreaterThan(500);
    expect(new Set(projects.map((p) => p.body.name)).size).toBe(projects.length);
  });

  it('has items with distinct ids, and candidates with distinct ids and a model name', () => {
    const ids = new Set<string>();
    for (const { folder } of manifest) {
      for (const text of lines(folder)) {
        const item = JSON.parse(text) as { id: string; data: Record<string, unknown> };
        expect(ids.has(item.id), item.id).toBe(false);
        ids.add(item.id);
        for (const field of ['answers', 'solutions', 'drafts']) {
          for (const c of candidatesOf(item.data, field)) {
            expect(ids.has(c.id), c.id).toBe(false);
            ids.add(c.id);
            expect(c.model, c.id).toMatch(/\S/);
          }
        }
      }
    }
  });

  it('has an answer key for every item, filed as submitted work of an external annotator', () => {
    for (const project of readDemoProjects()) {
      for (const line of project.items.trim().split('\n')) {
        const item = JSON.parse(line) as {
          id: string;
          annotations?: { annotator: string; status: string }[];
        };
        expect(item.annotations, item.id).toEqual([
          expect.objectContaining({ annotator: ANSWER_KEY, status: 'submitted' }),
        ]);
      }
      // The key is one answer per item: the tutor's makes the second.
      expect(project.body.overlap).toBe(2);
    }
  });

  it('marks the planted errors in the proofs where cli/demo/README.md says they are', () => {
    const key = fs
      .readFileSync(path.join(DEMO_DIR, 'proof-steps', 'reference.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; answers: { check: { steps: { verdict: string }[] } } });
    const firstErrors = key.map((k) => [
      k.id,
      k.answers.check.steps.findIndex((s) => s.verdict === 'incorrect') + 1,
    ]);
    expect(firstErrors).toEqual([
      ['proof-01', 0],
      ['proof-02', 3],
      ['proof-03', 3],
      ['proof-04', 2],
      ['proof-05', 0],
    ]);
    const readme = fs.readFileSync(path.join(DEMO_DIR, 'README.md'), 'utf8');
    for (const [id, step] of firstErrors)
      expect(readme).toMatch(new RegExp(`\\| ${id} \\| ${step || 'none'}\\b`));
  });

  it('writes each proof one step per paragraph: five steps each', () => {
    for (const text of lines('proof-steps')) {
      const { data } = JSON.parse(text) as { data: { proof: string } };
      expect(splitSteps(data.proof, 'paragraphs')).toHaveLength(5);
    }
  });

  it('keeps inline maths readable: no $…$ directly followed by a digit (it would stay text)', () => {
    for (const { folder } of manifest) {
      const raw = fs.readFileSync(path.join(DEMO_DIR, folder, 'items.jsonl'), 'utf8');
      expect(raw.match(/[^\s$\\]\$\d/g) ?? [], folder).toEqual([]);
    }
  });
});

describe('a broken demo folder', () => {
  it('is refused before anything is written, naming the file and the line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-demo-'));
    try {
      fs.cpSync(DEMO_DIR, dir, { recursive: true });
      const items = path.join(dir, 'stem-pairwise', 'items.jsonl');
      const [first, ...rest] = fs.readFileSync(items, 'utf8').split('\n');
      const broken = JSON.parse(first!);
      broken.data.answers = broken.data.answers.slice(0, 1);
      fs.writeFileSync(items, [JSON.stringify(broken), ...rest].join('\n'));
      const key = path.join(dir, 'stem-pairwise', 'reference.jsonl');
      const [, second, ...others] = fs.readFileSync(key, 'utf8').split('\n');
      const wrong = JSON.parse(second!);
      wrong.answers.preference.preferred = 'c-zzzz';
      fs.writeFileSync(
        key,
        ['{"id": "stem-99", "answers": {}}', JSON.stringify(wrong), ...others].join('\n'),
      );
      expect(() => readDemoProjects(dir)).toThrow(CliError);
      const checked = checkDemoProject(manifest[0]!, path.join(dir, 'stem-pairwise'));
      expect(checked.ok ? [] : checked.errors).toEqual([
        `${items} line 1: data.answers: has 1 candidate; between 2 and 16 are needed`,
        expect.stringMatching(new RegExp(`^${key.replaceAll('/', '\\/')} line 2: preference.*c-zzzz`)),
        `${key} line 1: no item with id "stem-99"`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
