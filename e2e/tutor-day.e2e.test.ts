import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/**
 * The tutor's day: the counter moves with each submit and skip, Previous goes back (button and P),
 * My work is one click from anywhere and shows rendered answers with an "edited" marker, the
 * annotation view keeps one header row at 1024×768, and the guidelines look the same however the
 * page was reached.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = {
  fields: [{ name: 'text', type: 'text', format: 'markdown' }],
  questions: [
    { name: 'verdict', label: 'Verdict', type: 'choice', options: ['correct', 'wrong'], required: true },
    { name: 'proof', label: 'Proof', type: 'text' },
  ],
};
const GUIDELINES = '# Marking\n\nCheck each step of $a^2 + b^2$.\n\n## Edge cases\n\nSay why.';
const texts = ['Show that $x^2 \\geq 0$.', 'Solve $2x = 4$.', 'Integrate $\\int_0^1 x\\,dx$.'];

async function mathsPilot(name = 'Maths pilot') {
  const lead = await e.user('manager');
  const settings = { name, interface: iface, guidelines: GUIDELINES, allowEditSubmitted: true };
  const made = await projectWithItems(
    e,
    lead,
    settings,
    texts.map((text, i) => ({ id: `q${i + 1}`, data: { text } })),
  );
  return { ...made, lead };
}

/** The item named in the header, exactly, and how it is open: "view only", "editing your submission". */
const barItem = (page: Page, text: string, mode?: string) =>
  page
    .locator('.annotate-bar')
    .filter({ has: page.locator('.bar-item', { hasText: new RegExp(`^${text}$`) }) })
    .filter(
      mode
        ? { has: page.locator('.bar-mode', { hasText: `(${mode})` }) }
        : { hasNot: page.locator('.bar-mode') },
    );
const waitCounter = (page: Page, text: string) =>
  page.getByTestId('progress-counter').filter({ hasText: text }).waitFor();

describe('the counter and Previous', () => {
  it('count each submit and skip, and Previous opens the last item, then the one before', async () => {
    const { id, annotator } = await mathsPilot();
    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    await barItem(page, 'Item q1').waitFor();
    await waitCounter(page, '0 done · 3 left in this project');
    expect(await page.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);

    await page.getByLabel('Proof').fill('Squares are $\\geq 0$');
    await page.getByRole('radio', { name: /correct/ }).check();
    await page.getByRole('button', { name: /^Submit/ }).click();
    await barItem(page, 'Item q2').waitFor();
    await waitCounter(page, '1 done · 2 left in this project');

    await page.getByRole('button', { name: /^Skip/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^Skip/ }).click();
    await barItem(page, 'Item q3').waitFor();
    await waitCounter(page, '1 done · 1 left in this project');

    // Previous: the skip, then with P the submission before it, which can be edited.
    await page.getByRole('button', { name: 'Previous' }).click();
    await barItem(page, 'Item q2', 'view only').waitFor();
    await page.locator('main').focus();
    await page.keyboard.press('p');
    await barItem(page, 'Item q1', 'editing your submission').waitFor();
    expect(await page.getByLabel('Proof').inputValue()).toBe('Squares are $\\geq 0$');

    // The shortcut is listed with the others.
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByRole('row', { name: /P Open your previous item/ }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A resubmitted edit returns to the queue, where the held item waits.
    await page.getByLabel('Proof').fill('Every square is $x^2 \\geq 0$');
    await page.getByRole('button', { name: /^Submit/ }).click();
    await barItem(page, 'Item q3').waitFor();
    await waitCounter(page, '1 done · 1 left in this project');
  });
});

describe('My work', () => {
  it('is in the main navigation and shows each answer rendered, with its status and the edited marker', async () => {
    const { id, annotator, lead } = await mathsPilot('Rendered summaries');
    const next = await e.api.call(annotator, 'POST', `/api/projects/${id}/assignments/next`);
    const assignmentId = next.body.assignment.id;
    const submit = (proof: string, key: string) =>
      e.api.call(annotator, 'POST', `/api/assignments/${assignmentId}/submit`, {
        answers: { verdict: 'correct', proof },
        idempotencyKey: key,
      });
    expect((await submit('Because $x^2 = x \\cdot x$', 'first-submit')).status).toBe(200);
    expect((await submit('Because $x \\cdot x \\geq 0$', 'second-submit')).status).toBe(200);

    const { page } = await e.open(annotator);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await page.getByRole('link', { name: /Rendered summaries.*my work/ }).click();

    const row = page.getByRole('row').filter({ hasText: 'q1' });
    await row.locator('.katex').first().waitFor();
    const answers = row.getByRole('cell').nth(1);
    expect(await answers.textContent()).toContain('Verdict: correct');
    expect(await answers.locator('.katex').count()).toBe(1);
    // The TeX shows as maths, never as typed: the visible text holds no dollar sign.
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point (KaTeX keeps the TeX in hidden MathML)
    expect(await answers.evaluate((el) => (el as HTMLElement).innerText)).not.toContain('$');
    expect(await row.textContent()).toMatch(/Submitted edited just now/);
    expect(await row.getByRole('cell').nth(0).locator('.katex').count()).toBe(1);

    // The lead sees the same marker on the item page.
    const leadView = await e.open(lead);
    await leadView.page.goto(`/items/${next.body.item.id}`);
    await leadView.page.getByText('edited just now').waitFor();
  });

  it('is a link from the annotation view', async () => {
    const { id, annotator } = await mathsPilot('From the view');
    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    await barItem(page, 'Item q1').waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'My work' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/projects/${id}/my-work`);
  });
});

describe('the annotation view at 1024×768', () => {
  it('keeps Submit on the header row and nothing wider than the window', async () => {
    const { id, annotator } = await mathsPilot(
      'A pilot with a long name that goes on to fill the header of a small laptop screen',
    );
    const { page } = await e.open(annotator);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`/projects/${id}/annotate`);
    await barItem(page, 'Item q1').waitFor();
    // On a small screen "in this project" is read out but not shown.
    await waitCounter(page, '0 done · 3 left in this project');
    expect((await page.locator('.counter-rest').boundingBox())?.width).toBeLessThanOrEqual(1);
    // The item's name shows whole; the long project name gives way.
    expect(await page.locator('.bar-item').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const bar = await page.locator('.annotate-bar').boundingBox();
    const submit = await page.getByRole('button', { name: /^Submit/ }).boundingBox();
    const project = await page.locator('.annotate-bar .bar-project').boundingBox();
    expect(bar && submit && project).toBeTruthy();
    // One row: Submit sits level with the project link, inside the bar and the window.
    expect(Math.abs(submit!.y + submit!.height / 2 - (project!.y + project!.height / 2))).toBeLessThan(4);
    expect(submit!.y + submit!.height).toBeLessThanOrEqual(bar!.y + bar!.height);
    expect(submit!.x + submit!.width).toBeLessThanOrEqual(1024);
    expect(bar!.height).toBeLessThan(70);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);

    // Editing a submission (more in the header: Back to my queue) holds as well.
    await page.getByLabel('Proof').fill('Squares');
    await page.getByRole('radio', { name: /correct/ }).check();
    await page.getByRole('button', { name: /^Submit/ }).click();
    await barItem(page, 'Item q2').waitFor();
    await page.getByRole('button', { name: 'Previous' }).click();
    await barItem(page, 'Item q1', 'editing your submission').waitFor();
    const editBar = await page.locator('.annotate-bar').boundingBox();
    const editSubmit = await page.getByRole('button', { name: /^Submit/ }).boundingBox();
    expect(editSubmit!.y + editSubmit!.height).toBeLessThanOrEqual(editBar!.y + editBar!.height);
    expect(editSubmit!.x + editSubmit!.width).toBeLessThanOrEqual(1024);
    expect(editBar!.height).toBeLessThan(70);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
  });
});

/** The computed look of the guidelines' first heading and text. */
const guidelinesLook = (page: Page) =>
  page
    .locator('.guidelines-text')
    .first()
    .evaluate((root) => {
      const h1 = root.querySelector('h1')!;
      const p = root.querySelector('p')!;
      const pick = (el: Element) => {
        const s = getComputedStyle(el);
        return `${s.fontSize} ${s.fontWeight} ${s.marginTop} ${s.lineHeight}`;
      };
      return { h1: pick(h1), p: pick(p), math: root.querySelectorAll('.katex').length };
    });

describe('the guidelines', () => {
  it('look the same in the annotation view however it was reached, on the project page and on My work', async () => {
    const { id, annotator } = await mathsPilot('Same guidelines');
    const direct = await e.open(annotator);
    await direct.page.goto(`/projects/${id}/annotate`);
    await direct.page.locator('.guidelines-text h1').waitFor();
    await direct.page.locator('.guidelines-text .katex').waitFor();
    const reference = await guidelinesLook(direct.page);
    expect(reference.math).toBe(1);

    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}`);
    await page.locator('.guidelines-text .katex').waitFor();
    expect(await guidelinesLook(page)).toEqual(reference);
    await page.getByRole('link', { name: 'Start annotating' }).click();
    await barItem(page, 'Item q1').waitFor();
    await page.locator('.guidelines-text .katex').waitFor();
    expect(await guidelinesLook(page)).toEqual(reference);
    await page.goto(`/projects/${id}/my-work`);
    await page.getByText('Guidelines', { exact: true }).click();
    await page.locator('.guidelines-text .katex').waitFor();
    expect(await guidelinesLook(page)).toEqual(reference);
  });
});

describe('People', () => {
  it('finds users by part of a name or email, kept in the address, and says what each role may do', async () => {
    const admin = await e.user('admin');
    await e.user('annotator', 'Quentin Quist');
    await e.user('reviewer', 'Rosa Reviewer');
    const { page } = await e.open(admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    const guide = page.getByRole('region', { name: 'What each role may do' });
    await guide.getByText('takes items and annotates; sees only their own work').waitFor();
    expect(await guide.getByRole('term').allTextContents()).toEqual([
      'admin',
      'manager',
      'reviewer',
      'annotator',
    ]);

    await page.getByLabel('Search users').fill('QUIST');
    await page.getByRole('button', { name: 'Search' }).click();
    const table = page.getByRole('table', { name: 'Users' });
    await page.waitForURL(/\/users\?q=QUIST$/);
    await table.getByRole('row').filter({ hasText: 'Rosa Reviewer' }).waitFor({ state: 'detached' });
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Quentin Quist']);
    await page.reload();
    await table.getByRole('rowheader', { name: 'Quentin Quist' }).waitFor();
    expect(await table.getByRole('rowheader').count()).toBe(1);
    expect(await page.getByLabel('Search users').inputValue()).toBe('QUIST');

    // A success notice answers the last action only: the next one clears it.
    await page.getByLabel(/Access level for \W*Quentin Quist/).selectOption('reviewer');
    await page.getByText(/Quentin Quist\W* is now reviewer\./).waitFor();
    await page.getByRole('button', { name: 'Show everyone' }).click();
    await table.getByRole('rowheader', { name: 'Rosa Reviewer' }).waitFor();
    expect(await page.getByText(/is now reviewer/).count()).toBe(0);
  });
});
