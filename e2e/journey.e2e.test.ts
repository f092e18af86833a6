import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const TEXTS = ['I love this phone', 'The screen broke in a day', 'It is a phone', 'Great battery', 'Meh'];

/**
 * Takes items until the workspace says there is nothing left, by keyboard only: a digit, then
 * Enter. Returns the texts of the items it submitted, in order.
 */
async function annotateAllByKeyboard(page: Page, projectId: number, digit: string): Promise<string[]> {
  await page.goto(`/projects/${projectId}/annotate`);
  const done: string[] = [];
  const finished = page.getByText(/all done|nothing left/i);
  for (;;) {
    await Promise.race([finished.first().waitFor(), page.getByRole('button', { name: 'Submit' }).waitFor()]);
    if (await finished.count()) return done;
    const main = (await page.locator('main').textContent()) ?? '';
    const current = TEXTS.find((t) => main.includes(t));
    if (!current) throw new Error(`no item text on the page: ${main.slice(0, 200)}`);
    await page.keyboard.press(digit);
    await page.keyboard.press('Enter');
    done.push(current);
    // The next item (or the end) replaces this one.
    await page.waitForFunction(
      (t) => !(document.querySelector('main')?.textContent ?? '').includes(t),
      current,
    );
  }
}

describe('the journey', () => {
  it('a manager sets up a project, two annotators finish it by keyboard, the export holds their work', async () => {
    const manager = await e.user('manager', 'Mia Manager');
    const ann1 = await e.user('annotator', 'Ann One');
    const ann2 = await e.user('annotator', 'Ann Two');
    const { page } = await e.open(manager);

    // Create from a template, with overlap 2.
    await page
      .getByRole('link', { name: 'New project' })
      .or(page.getByRole('button', { name: 'New project' }))
      .first()
      .click();
    await page.getByRole('button', { name: /Text classification/ }).click();
    await page.getByLabel('Name', { exact: true }).first().fill('Sentiment, batch 1');
    await page.getByLabel('Annotators per item (overlap)').fill('2');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/\d+\/import$/);
    const projectId = Number(/projects\/(\d+)/.exec(page.url())![1]);

    // Import a file.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-e2e-')), 'items.jsonl');
    fs.writeFileSync(
      file,
      TEXTS.map((t, i) => JSON.stringify({ id: `t${i}`, data: { text: t } })).join('\n'),
    );
    await page.getByLabel('File to import').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByText(/5 items/)
      .first()
      .waitFor();

    // Add two annotators.
    await page.getByRole('link', { name: 'Members' }).click();
    for (const a of [ann1, ann2]) {
      await page.getByLabel('Email').fill(a.email);
      await page.getByLabel('Role').selectOption('annotator');
      await page.getByRole('button', { name: 'Add member' }).click();
      await page.getByRole('cell', { name: a.name }).first().waitFor();
    }

    // Both annotate, by keyboard only.
    const s1 = await e.open(ann1);
    const s2 = await e.open(ann2);
    const [n1, n2] = await Promise.all([
      annotateAllByKeyboard(s1.page, projectId, '1'),
      annotateAllByKeyboard(s2.page, projectId, '2'),
    ]);
    expect([...n1].sort()).toEqual([...TEXTS].sort());
    expect([...n2].sort()).toEqual([...TEXTS].sort());

    // The manager sees 100% and downloads the export.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.reload();
    await page.getByRole('progressbar', { name: '100% complete' }).waitFor();
    await page.getByRole('link', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: /download/i })
        .first()
        .click(),
    ]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.data.text)).toEqual(TEXTS);
    for (const line of lines) {
      const submitted = line.annotations.filter((a: { status: string }) => a.status === 'submitted');
      expect(submitted.map((a: { annotator: string }) => a.annotator).sort()).toEqual(
        [ann1.email, ann2.email].sort(),
      );
      const byWho = Object.fromEntries(
        submitted.map((a: { annotator: string; answers: unknown }) => [a.annotator, a.answers]),
      );
      expect(byWho[ann1.email]).toEqual({ category: 'positive' });
      expect(byWho[ann2.email]).toEqual({ category: 'negative' });
    }
  });
});
