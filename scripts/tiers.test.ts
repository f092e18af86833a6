import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** What vitest would take for a test file by default (any .test/.spec script). */
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

/** Every test file in the checkout, relative to it; node_modules and dot folders left out. */
function testFiles(dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('.')) return [];
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return TEST_FILE.test(e.name) ? [path.relative(root, p)] : [];
  });
}

/** The tiers vitest.config.ts gives each test file, as vitest itself resolves them. */
function tiersByFile(): Map<string, string[]> {
  const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const out = execFileSync(process.execPath, [vitest, 'list', '--filesOnly', '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const listed = JSON.parse(out) as { file: string; projectName: string }[];
  const tiers = new Map<string, string[]>();
  for (const { file, projectName } of listed) {
    const rel = path.relative(root, file);
    tiers.set(rel, [...(tiers.get(rel) ?? []), projectName]);
  }
  return tiers;
}

describe('test tiers', () => {
  it('put every test file in the checkout in exactly one tier', () => {
    const files = testFiles();
    expect(files).toContain(path.join('scripts', 'tiers.test.ts'));
    const tiers = tiersByFile();
    const wrong = files
      .map((file) => ({ file, tiers: tiers.get(file) ?? [] }))
      .filter((f) => f.tiers.length !== 1);
    // A file in no tier never runs; in two it runs twice. vitest.config.ts's TIERS places it.
    expect(wrong).toEqual([]);
    expect([...tiers.keys()].sort()).toEqual([...files].sort());
  });
});
