import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyKindInterface, everyKindItemData, oneOfEachKind } from '../core/interface/testing.ts';
import type { TestUser } from '../server/testing/harness.ts';
import { insertFixtureJob } from '../server/testing/job-fixtures.ts';
import { failFixtureJob } from '../server/testing/job-test.repository.ts';
import { checkPage, describeFindings, type Finding, type Where } from './axe.ts';
import { builderStates } from './builder-states.ts';
import { type E2E, projectWithItems, signIn, startE2E } from './harness.ts';

/**
 * axe-core on every screen of the app, in the light and the dark theme, and on the annotation view
 * in each state a tutor passes through. Any violation fails, whatever its impact (minor included):
 * the message lists each one with its rule, impact, element, screen, theme and state. The
 * annotation view asks one question of every registered kind (core/interface/testing.ts), so an
 * editor added later is checked too; the new-project builder is checked in its states as well
 * (builder-states.ts). docs/web.md says how to run it.
 */

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

let e: E2E;
let admin: TestUser;
let manager: TestUser;
let projectId: number;
let itemId: number;
/** A job that failed, with its failed steps listed. */
let jobId: number;
/** One annotator per theme: the error state removes them from the project. */
const annotators = {} as Record<Theme, TestUser>;

const ITEMS = [
  'Show that the sum of the first $n$ odd numbers is $n^2$.\n\n```python\nsum(range(1, 2 * n, 2))\n```',
  'By **induction**: for n = 1 the sum is 1, and adding 2n + 1 gives (n + 1)².',
  'Pair the first and last terms: each pair sums to 2n.',
  'Draw the odd numbers as L-shaped layers of a square.',
  'The claim fails for n = 0.',
  'Every odd number is a difference of two squares.',
];

beforeAll(async () => {
  e = await startE2E();
  admin = await e.user('admin', 'Ada Admin');
  manager = await e.user('manager', 'Grace Manager');
  jobId = await insertFixtureJob(e.verity.store, {
    projectId: null,
    createdBy: admin.id,
    keys: ['item:1:slot:0'],
  });
  await failFixtureJob(e.verity.store.db, jobId, 'the model server answered 401: check the API key');
  annotators.light = await e.user('annotator', 'Alan Annotator');
  annotators.dark = await e.user('annotator', 'Katherine Annotator');
  const made = await projectWithItems(
    e,
    manager,
    {
      name: 'Every question kind',
      guidelines: '# Guidelines\n\nMark every **claim** and every error.',
      interface: everyKindInterface,
    },
    ITEMS.map((text, i) => ({ id: `item-${i + 1}`, data: everyKindItemData(text, `source ${i + 1}`) })),
    annotators.light,
  );
  projectId = made.id;
  await e.api.call(manager, 'POST', `/api/projects/${projectId}/members`, { email: annotators.dark.email });
  // One submitted annotation of every question, so the item page shows each kind's answer read-only.
  const next = await e.api.call(annotators.dark, 'POST', `/api/projects/${projectId}/assignments/next`);
  expect(next.status).toBe(200);
  itemId = next.body.item.id;
  const firstWord = [...(next.body.item.data.text as string).split(' ')[0]!].length;
  const submitted = await e.api.call(
    annotators.dark,
    'POST',
    `/api/assignments/${next.body.assignment.id}/submit`,
    {
      answers: {
        verdict: 'yes',
        flags: ['pii'],
        claims: [{ start: 0, end: firstWord, label: 'CLAIM' }],
        clarity: 4,
        steps: 3,
        comment: 'Clear.',
        preference: {
          preferred: 'a',
          strength: 3,
          justification: 'Only A computes it.',
          criteria: { correctness: { preferred: 'a', strength: 3 } },
        },
        order: { order: [['a', 'b']] },
        grade: {
          grades: [
            { candidate: 'a', scores: { accuracy: { score: 5, comment: 'Exact.' }, cites: { score: true } } },
            { candidate: 'b', scores: { accuracy: { score: 2 }, cites: { score: false } } },
          ],
        },
        proof: {
          candidate: 'b',
          steps: [{ verdict: 'unverifiable' }, { verdict: 'incorrect', correction: 'Exactly 1024.' }],
        },
        ideal: { text: 'It is exactly 1024.\n\nSo the answer is 1024.', source: 'b' },
        per_turn: { turns: [{ turn: 1, rating: 5 }] },
      },
      activeMs: 30_000,
      idempotencyKey: 'a11y-first-submit',
    },
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
});
afterAll(async () => e?.close());

/** A browser context that prefers `theme`, as a person's system setting would. */
async function session(browser: Browser, theme: Theme, who?: TestUser) {
  const context = await browser.newContext({
    baseURL: e.baseUrl,
    viewport: { width: 1280, height: 800 },
    colorScheme: theme,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  if (who) await signIn(page, who);
  return { context, page };
}

/** Waits until the screen has its heading and nothing is loading any more. */
async function settle(page: Page, theme: Theme): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'));
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
}

/** The screens each kind of person sees, by address. */
const consoleScreens = (): [string, string][] => [
  ['projects', '/'],
  ['new project', '/projects/new'],
  ['project overview', `/projects/${projectId}`],
  ['project items', `/projects/${projectId}/items`],
  ['project dashboards', `/projects/${projectId}/dashboards`],
  ['project import', `/projects/${projectId}/import`],
  ['project members', `/projects/${projectId}/members`],
  ['project export', `/projects/${projectId}/export`],
  ['project interface', `/projects/${projectId}/interface`],
  ['project export of a selection', `/projects/${projectId}/export?ids=${itemId}`],
  ['project settings', `/projects/${projectId}/settings`],
  ['review, nothing to review', `/projects/${projectId}/review`],
  ['adjudicate, nothing to adjudicate', `/projects/${projectId}/adjudicate`],
  ['item detail', `/items/${itemId}`],
  ['users', '/users'],
  ['users, searched', '/users?q=annotator'],
  ['invites', '/invites'],
  ['models', '/models'],
  ['jobs', '/jobs'],
  ['job with failed steps', `/jobs/${jobId}`],
  ['work log', '/worklog'],
  ['profile', '/profile'],
  ['not found', '/no/such/page'],
];
const annotatorScreens = (): [string, string][] => [
  ['projects (annotator)', '/'],
  ['project overview (annotator)', `/projects/${projectId}`],
  ['my work', `/projects/${projectId}/my-work`],
  ['my work (every project)', '/my-work'],
];

/** Holds matching requests until `release` is called, then lets them through to the server. */
async function hold(page: Page, pattern: string): Promise<{ release(): Promise<void>; held(): number }> {
  const waiting: Route[] = [];
  let open = false;
  let seen = 0;
  await page.route(pattern, (route) => {
    seen += 1;
    if (open) return route.continue();
    waiting.push(route);
  });
  return {
    held: () => seen,
    async release() {
      open = true;
      for (const r of waiting.splice(0)) await r.continue();
    },
  };
}

const statusIs = (page: Page, text: string) =>
  page.waitForFunction((t) => document.querySelector('[data-testid="save-status"]')?.textContent === t, text);

/**
 * The annotation view through a tutor's states: loading, open, each question answered, saving,
 * saved, the shortcuts and skip dialogs, a refused submit, offline, submitting, and a save the
 * server refuses (the tutor was taken off the project).
 */
async function annotationStates(context: BrowserContext, page: Page, theme: Theme, who: TestUser) {
  const found: Finding[] = [];
  const check = async (state: string) => {
    found.push(...(await checkPage(page, { page: 'annotate', theme, state })));
  };
  const next = await hold(page, '**/api/projects/*/assignments/next');
  await page.goto(`/projects/${projectId}/annotate`);
  await page.getByText('Loading your next item…').waitFor();
  await check('loading');
  await next.release();

  await page.locator('[data-question]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await statusIs(page, 'Saved');
  await check('open');

  await page.getByRole('button', { name: 'Submit' }).click();
  await page.locator('.field-error').first().waitFor();
  await check('required answer missing');

  const drafts = await hold(page, '**/api/assignments/*/draft');
  await page.getByRole('radio', { name: 'yes', exact: true }).click();
  await page.getByRole('checkbox', { name: 'pii' }).click();
  await page.getByRole('textbox', { name: oneOfEachKind.text.label, exact: true }).fill('A clear proof.');
  await page.getByRole('textbox', { name: oneOfEachKind.number.label }).fill('3');
  const pairwise = page.locator(`[data-question="${oneOfEachKind.pairwise.name}"]`);
  await pairwise
    .getByRole('group', { name: 'Overall' })
    .getByRole('radio', { name: 'A much better' })
    .click();
  await pairwise.locator('.required-now').waitFor();
  await pairwise.getByRole('textbox', { name: /Justification/ }).fill('Only A computes it.');
  await pairwise.getByRole('group', { name: 'Correctness' }).getByRole('radio', { name: 'A better' }).click();
  await page.getByRole('button', { name: 'Keep this order' }).click();
  await statusIs(page, 'Saving…');
  await expect.poll(() => drafts.held()).toBeGreaterThan(0); // the save is on the wire
  await check('saving');
  await drafts.release();
  await statusIs(page, 'Saved');
  await check('saved');

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await check('shortcuts dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('dialog', { name: 'Skip this item?' }).waitFor();
  await check('skip dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  await context.setOffline(true);
  await page
    .getByRole('textbox', { name: oneOfEachKind.text.label, exact: true })
    .fill('A clear proof, offline.');
  await statusIs(page, 'Offline — kept in this browser');
  await check('offline');
  await context.setOffline(false);
  await statusIs(page, 'Saved');

  const shown = () => page.locator('.annotate-bar > .muted').textContent();
  const first = await shown();
  const submits = await hold(page, '**/api/assignments/*/submit');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText('Submitting…').waitFor();
  await check('submitting');
  await submits.release();
  // The next item is on screen (its name in the bar) before the tutor is taken off the project.
  await page.waitForFunction((before) => {
    const now = document.querySelector('.annotate-bar > .muted')?.textContent;
    return !!now && now !== before;
  }, first);
  expect(await shown()).toMatch(/^Item item-\d+$/);
  await page.locator('[data-question]').first().waitFor();
  await statusIs(page, 'Saved');
  await check('next item');

  // Previous: the item just submitted, opened again (read-only here), then back to the queue.
  await page.getByRole('button', { name: 'Previous' }).click();
  await page.locator('.annotate-bar .bar-mode').waitFor();
  await page.locator('[data-question]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await check('previous item');
  await page.getByRole('link', { name: 'Back to my queue' }).click();
  await page.locator('.annotate-bar .bar-mode').waitFor({ state: 'detached' });
  await page.locator('[data-question]').first().waitFor();
  await statusIs(page, 'Saved');

  const removed = await e.api.call(manager, 'DELETE', `/api/projects/${projectId}/members/${who.id}`);
  expect(removed.status).toBeLessThan(300);
  await page.getByRole('radio', { name: 'no', exact: true }).click();
  await statusIs(page, 'Not saved');
  await page.getByRole('alert').waitFor();
  await check('error');
  return found;
}

/**
 * The item browser through a lead's states: filtered (with chips and a sort), a selection with the
 * bulk bar, the delete confirmation, and a view that matches nothing. The filters chosen match
 * every item whatever the server filters on, so the states look the same as the list grows.
 */
async function itemsStates(page: Page, theme: Theme) {
  const found: Finding[] = [];
  const check = async (state: string) => {
    await settle(page, theme);
    found.push(...(await checkPage(page, { page: 'project items', theme, state })));
  };
  await page.goto(`/projects/${projectId}/items?createdFrom=2000-01-01&sort=priority&order=desc`);
  await page.getByRole('list', { name: 'Active filters' }).waitFor();
  await page.locator('tbody tr').first().waitFor();
  await check('filtered and sorted');
  await page.getByLabel('Select every item on this page').check();
  await page.getByRole('button', { name: 'Set priority' }).waitFor();
  await check('selection');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: /^Delete \d+ items\?$/ }).waitFor();
  await check('delete confirmation');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.goto(`/projects/${projectId}/items?status=stranded&createdTo=2000-01-01`);
  await page.getByText('No items match these filters.').waitFor();
  await check('nothing matches');
  return found;
}

describe('accessibility (axe-core)', () => {
  for (const theme of THEMES) {
    // The screens in two tests per theme, each within the test time limit as screens are added.
    it(`finds no violation on any console screen, ${theme} theme`, async () => {
      const found: Finding[] = [];
      const lead = await session(e.browser, theme, admin);
      for (const [name, path] of consoleScreens()) {
        await lead.page.goto(path);
        await settle(lead.page, theme);
        found.push(...(await checkPage(lead.page, { page: name, theme })));
      }
      await lead.context.close();
      expect(describeFindings(found), 'axe-core violations').toBe('');
    });

    it(`finds no violation on the other screens and their states, ${theme} theme`, async () => {
      const found: Finding[] = [];
      const check = async (page: Page, where: Where) => {
        await settle(page, theme);
        found.push(...(await checkPage(page, where)));
      };

      const signedOut = await session(e.browser, theme);
      await signedOut.page.goto('/');
      await signedOut.page.getByLabel('Email').waitFor();
      await check(signedOut.page, { page: 'sign in', theme });
      await signedOut.context.close();

      const lead = await session(e.browser, theme, admin);
      // The overview's statistics with their data: the annotator table, the answer bars, and the
      // burndown with its table of points open.
      await lead.page.goto(`/projects/${projectId}`);
      await lead.page
        .getByRole('table', { name: /^Annotators/ })
        .getByText('Katherine Annotator')
        .waitFor();
      await lead.page.getByText('Every point').click();
      await check(lead.page, { page: 'project overview, statistics open', theme });
      // The confirmation of an interface change that affects answers, left without applying it.
      await lead.page.goto(`/projects/${projectId}/interface`);
      await lead.page.getByLabel('Options, one per line').first().fill('partly\nno');
      await lead.page.getByRole('button', { name: 'Save interface' }).click();
      await lead.page.getByRole('dialog', { name: 'Apply a change that affects answers?' }).waitFor();
      found.push(
        ...(await checkPage(lead.page, { page: 'project interface', theme, state: 'confirm change' })),
      );
      await lead.page.getByRole('button', { name: 'Keep editing' }).click();
      found.push(...(await itemsStates(lead.page, theme)));
      await lead.context.close();

      const tutor = await session(e.browser, theme, annotators.dark);
      for (const [name, path] of annotatorScreens()) {
        await tutor.page.goto(path);
        await check(tutor.page, { page: name, theme });
      }
      await tutor.context.close();

      expect(describeFindings(found), 'axe-core violations').toBe('');
    });

    it(`finds no violation in any state of the new-project builder, ${theme} theme`, async () => {
      const { context, page } = await session(e.browser, theme, manager);
      const found = await builderStates(page, async (state) => {
        await settle(page, theme);
        return checkPage(page, { page: 'new project', theme, state });
      });
      await context.close();
      expect(describeFindings(found), 'axe-core violations').toBe('');
    });

    it(`finds no violation in any state of the annotation view, ${theme} theme`, async () => {
      const who = annotators[theme];
      const { context, page } = await session(e.browser, theme, who);
      const found = await annotationStates(context, page, theme, who);
      await context.close();
      expect(describeFindings(found), 'axe-core violations').toBe('');
    });
  }
});
