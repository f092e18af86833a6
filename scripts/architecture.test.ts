import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The architecture ARCHITECTURE.md describes, checked: the arrows between the parts (dependency-
 * cruiser with .dependency-cruiser.cjs: no cycles, web and core never reach the server, the CLI
 * only through the server's entries, entry folders through their index.ts, drivers only in the
 * data layer), and SQL written only in repositories and server/db/.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const PARTS = ['core', 'server', 'web', 'cli', 'bench', 'e2e', 'scripts'];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

function cruise(): Violation[] {
  const run = spawnSync(
    path.join(ROOT, 'node_modules/.bin/depcruise'),
    [...PARTS, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (!run.stdout) throw new Error(`dependency-cruiser did not run: ${run.stderr || run.error}`);
  return JSON.parse(run.stdout).summary.violations as Violation[];
}

const describeViolation = (v: Violation) =>
  `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(' → ') : v.to}`;

/** The query builder's and the drivers' ways into SQL, as method names. */
const SQL_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'selectNoFrom',
  'prepare',
  'pragma',
]);

/** Where SQL may be written: repositories, the data layer, and the tests and their harness. */
const mayHoldSql = (file: string) =>
  file.endsWith('.repository.ts') ||
  file.startsWith('server/db/') ||
  file.startsWith('server/testing/') ||
  file.endsWith('.test.ts');

function serverSources(dir = 'server'): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return serverSources(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

/** Each call of a query-builder or driver method, and each sql`…` template, in the file. */
function sqlWritten(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      SQL_METHODS.has(node.expression.name.text)
    )
      found.push(`${where(node)} .${node.expression.name.text}(…)`);
    if (ts.isTaggedTemplateExpression(node) && /^sql\b/.test(node.tag.getText(source)))
      found.push(`${where(node)} sql\`…\``);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('architecture', () => {
  it('has no import pointing the wrong way and no import cycle', () => {
    const violations = cruise().map(describeViolation);
    expect(violations, 'see .dependency-cruiser.cjs and ARCHITECTURE.md').toEqual([]);
  });

  it('writes SQL only in repositories and the data layer', () => {
    const outside = serverSources()
      .filter((file) => !mayHoldSql(file))
      .flatMap(sqlWritten);
    expect(outside, 'move these queries into the resource’s *.repository.ts').toEqual([]);
  });

  it('finds SQL where it is written (the check above is not blind)', () => {
    const found = sqlWritten('server/assignments/assignments.repository.ts');
    expect(found.some((f) => f.includes('.selectFrom('))).toBe(true);
    expect(found.some((f) => f.includes('sql`'))).toBe(true);
  });
});
