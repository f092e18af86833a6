import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { CreateProjectBody } from '../../core/api/projects.ts';
import { type InterfaceDefinition, parseInterface, validateItemData } from '../../core/interface/index.ts';
import { CliError } from '../errors.ts';

/** The folder of the example projects: projects.json lists them, one folder each. */
export const DEMO_DIR = path.dirname(fileURLToPath(import.meta.url));

/** One example project, checked: what `project create` and `import` would send. */
export interface DemoProject {
  /** The folder it came from. */
  folder: string;
  body: z.output<typeof CreateProjectBody>;
  /** items.jsonl as text. */
  items: string;
  itemCount: number;
}

interface ManifestEntry {
  folder: string;
  name: string;
}

/**
 * Reads and checks every example project before anything is written: its name, guidelines and
 * interface, and every item line's data against that interface. The demo ships with Verity, so a
 * problem here is a bug in the shipped files; the error names the file and line.
 */
export function readDemoProjects(dir: string = DEMO_DIR): DemoProject[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'projects.json'), 'utf8')) as ManifestEntry[];
  const errors: string[] = [];
  const projects: DemoProject[] = [];
  for (const entry of manifest) {
    const checked = checkDemoProject(entry, path.join(dir, entry.folder));
    if (checked.ok) projects.push(checked.project);
    else errors.push(...checked.errors);
  }
  if (errors.length > 0)
    throw new CliError(`the demo's files in ${dir} are broken; nothing was loaded`, 1, errors);
  return projects;
}

/** One project's folder: interface.json, guidelines.md and items.jsonl. */
export function checkDemoProject(
  entry: ManifestEntry,
  folder: string,
): { ok: true; project: DemoProject } | { ok: false; errors: string[] } {
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
    interface: raw,
  });
  if (!body.success) {
    const at = `${path.join(path.dirname(folder), 'projects.json')} (${entry.folder})`;
    return { ok: false, errors: body.error.issues.map((i) => `${at}: ${i.path.join('.')}: ${i.message}`) };
  }
  const items = read('items.jsonl');
  const errors: string[] = [];
  let itemCount = 0;
  items.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    itemCount += 1;
    const problem = checkLine(iface.value, text);
    if (problem) errors.push(`${file('items.jsonl')} line ${i + 1}: ${problem}`);
  });
  if (itemCount === 0) errors.push(`${file('items.jsonl')}: holds no items`);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, project: { folder: entry.folder, body: body.data, items, itemCount } };
}

function checkLine(iface: InterfaceDefinition, text: string): string | undefined {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  const data = typeof line === 'object' && line !== null ? (line as { data?: unknown }).data : undefined;
  const problems = validateItemData(iface, data);
  return problems.length > 0 ? problems.map((p) => p.message).join('; ') : undefined;
}
