import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { CreateProjectBody } from '../../core/api/projects.ts';
import {
  type InterfaceDefinition,
  parseInterface,
  validateAnswers,
  validateItemData,
} from '../../core/interface/index.ts';
import { CliError } from '../errors.ts';

/** The folder of the example projects: projects.json lists them, one folder each. */
export const DEMO_DIR = path.dirname(fileURLToPath(import.meta.url));

/**
 * The external annotator the answer key is filed under: imported as submitted work, it shows
 * beside the tutor's answers in the manager's console and feeds the exports from the start.
 */
export const ANSWER_KEY = 'Answer key';

/** One example project, checked: what `project create` and `import` would send. */
export interface DemoProject {
  /** The folder it came from. */
  folder: string;
  body: z.output<typeof CreateProjectBody>;
  /** The import's JSONL: items.jsonl, each line with its answer key as a submitted annotation. */
  items: string;
  itemCount: number;
}

interface ManifestEntry {
  folder: string;
  name: string;
  overlap?: number;
}

/**
 * Reads and checks every example project before anything is written: its settings and interface,
 * every item's data against that interface, and the answer key's answers against the questions.
 * The demo ships with Verity, so a problem here is a bug in the shipped files; the error names
 * the file and line.
 */
export function readDemoProjects(dir: string = DEMO_DIR): DemoProject[] {
  const errors: string[] = [];
  const projects: DemoProject[] = [];
  for (const entry of readManifest(dir)) {
    const checked = checkDemoProject(entry, path.join(dir, entry.folder));
    if (checked.ok) projects.push(checked.project);
    else errors.push(...checked.errors);
  }
  if (errors.length > 0)
    throw new CliError(`the demo's files in ${dir} are broken; nothing was loaded`, 1, errors);
  return projects;
}

export const readManifest = (dir: string = DEMO_DIR): ManifestEntry[] =>
  JSON.parse(fs.readFileSync(path.join(dir, 'projects.json'), 'utf8')) as ManifestEntry[];

type Checked = { ok: true; project: DemoProject } | { ok: false; errors: string[] };

/** One project's folder: interface.json, guidelines.md, items.jsonl and reference.jsonl. */
export function checkDemoProject(entry: ManifestEntry, folder: string): Checked {
  const file = (name: string) => path.join(folder, name);
  const read = (name: string) => fs.readFileSync(file(name), 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(read('interface.json'));
  } catch (err) {
    return { ok: false, errors: [`${file('interface.json')}: ${(err as Error).message}`] };
  }
  const iface = parseInterface(raw);
  if (!iface.ok)
    return { ok: false, errors: iface.errors.map((e) => `${file('interface.json')}: ${e.message}`) };
  const body = CreateProjectBody.safeParse({
    name: entry.name,
    guidelines: read('guidelines.md'),
    overlap: entry.overlap,
    interface: raw,
  });
  if (!body.success) {
    const at = `${path.join(path.dirname(folder), 'projects.json')} (${entry.folder})`;
    return { ok: false, errors: body.error.issues.map((i) => `${at}: ${i.path.join('.')}: ${i.message}`) };
  }
  const errors: string[] = [];
  const key = readAnswerKey(file('reference.jsonl'), errors);
  const lines: string[] = [];
  read('items.jsonl')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      const at = `${file('items.jsonl')} line ${i + 1}`;
      const item = parseLine(text, at, errors);
      const problems = item ? validateItemData(iface.value, item.data).map((p) => p.message) : [];
      if (problems.length > 0) errors.push(`${at}: ${problems.join('; ')}`);
      if (!item || problems.length > 0) return;
      const answers = key.get(String(item.id));
      if (answers) {
        key.delete(String(item.id));
        const problem = checkAnswers(iface.value, answers.value, item.data as Record<string, unknown>);
        if (problem) errors.push(`${file('reference.jsonl')} line ${answers.line}: ${problem}`);
        item.annotations = [{ annotator: ANSWER_KEY, answers: answers.value, status: 'submitted' }];
      }
      lines.push(JSON.stringify(item));
    });
  for (const [id, { line }] of key)
    errors.push(`${file('reference.jsonl')} line ${line}: no item with id ${JSON.stringify(id)}`);
  if (lines.length === 0) errors.push(`${file('items.jsonl')}: holds no items`);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    project: {
      folder: entry.folder,
      body: body.data,
      items: `${lines.join('\n')}\n`,
      itemCount: lines.length,
    },
  };
}

/** reference.jsonl: `{"id": "<item id>", "answers": {…}}` a line; the file is optional. */
function readAnswerKey(file: string, errors: string[]): Map<string, { line: number; value: unknown }> {
  const key = new Map<string, { line: number; value: unknown }>();
  if (!fs.existsSync(file)) return key;
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      const entry = parseLine(text, `${file} line ${i + 1}`, errors);
      if (entry) key.set(String(entry.id), { line: i + 1, value: entry.answers });
    });
  return key;
}

function parseLine(text: string, at: string, errors: string[]): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
    errors.push(`${at}: must be a JSON object`);
  } catch (err) {
    errors.push(`${at}: not valid JSON (${(err as Error).message})`);
  }
  return undefined;
}

function checkAnswers(iface: InterfaceDefinition, answers: unknown, data: Record<string, unknown>) {
  const checked = validateAnswers(iface, answers, data, { partial: false });
  return checked.ok ? undefined : checked.errors.map((e) => e.message).join('; ');
}
