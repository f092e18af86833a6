import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../core/api/users.ts';
import { createToken } from '../server/auth/auth.service.ts';
import { hashPassword } from '../server/auth/crypto.ts';
import { TEST_PASSWORD_COST, type TestUser } from '../server/testing/harness.ts';
import { insertUser } from '../server/users/users.repository.ts';
import { type E2E, signIn, startE2E } from './harness.ts';

// Every run writes them to test-results/screenshots; VERITY_UPDATE_SCREENSHOTS=1 refreshes the
// committed copies in docs/screenshots (shown in the README).
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT =
  process.env.VERITY_UPDATE_SCREENSHOTS === '1'
    ? path.join(ROOT, 'docs', 'screenshots')
    : path.join(ROOT, 'test-results', 'screenshots');
const NAMES = [
  'sign-in',
  'projects',
  'new-project',
  'import-errors',
  'items',
  'item-detail',
  'annotate',
  'shortcuts',
  'my-work',
  'users',
  'projects-dark',
  'annotate-dark',
] as const;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

/** A user with a fixed name and email, so the pictures do not change from run to run. */
async function person(role: Role, name: string, email: string): Promise<TestUser> {
  const password = 'a-long-screenshot-password';
  const row = await insertUser(e.verity.store.db, {
    email,
    name,
    role,
    passwordHash: await hashPassword(password, TEST_PASSWORD_COST),
  });
  const token = await createToken(e.verity.ctx, row.id, 'screenshots');
  return { id: row.id, email, role, password, token: token.token };
}

async function importLines(who: TestUser, projectId: number, lines: unknown[]): Promise<void> {
  const res = await e.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/x-ndjson' },
    payload: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
  });
  expect(res.statusCode).toBe(201);
}

async function project(who: TestUser, body: unknown, members: TestUser[]): Promise<number> {
  const res = await e.api.call(who, 'POST', '/api/projects', body);
  expect(res.status).toBe(201);
  for (const m of members) {
    const role = m.role === 'reviewer' ? 'reviewer' : 'annotator';
    await e.api.call(who, 'POST', `/api/projects/${res.body.id}/members`, { email: m.email, role });
  }
  return res.body.id as number;
}

/** Claims the next item as `who` and submits `answers` (or only saves them as a draft). */
async function annotate(who: TestUser, projectId: number, answers: unknown, submit = true): Promise<void> {
  const next = await e.api.call(who, 'POST', `/api/projects/${projectId}/assignments/next`);
  expect(next.status).toBe(200);
  const id = next.body.assignment.id;
  const res = submit
    ? await e.api.call(who, 'POST', `/api/assignments/${id}/submit`, {
        answers,
        activeMs: 41_000,
        idempotencyKey: `shot-${projectId}-${id}`,
      })
    : await e.api.call(who, 'PUT', `/api/assignments/${id}/draft`, { answers, activeMs: 12_000 });
  expect(res.status).toBe(200);
}

const GUIDELINES = `# How to judge an explanation

Read the **question**, then the student's answer.

- Mark every *claim* the answer makes, every *formula*, and every *error*.
- An answer is **correct** only if every step holds; $\\sqrt{2}$ is irrational, not $1.41$.
- Rate clarity from 1 (confusing) to 5 (a teacher could reuse it).

> When unsure, choose *partly* and say why in the comment.`;

const QUESTION = `**Show** that the sum of the first $n$ odd numbers is a square:

$$\\sum_{k=1}^{n} (2k-1) = n^2$$

A quick check in Python:

\`\`\`python
def odd_sum(n: int) -> int:
    return sum(2 * k - 1 for k in range(1, n + 1))

assert all(odd_sum(n) == n * n for n in range(100))
\`\`\``;

const ANSWERS = [
  'By induction: for n = 1 the sum is 1 = 1². If the first n odd numbers sum to n², adding 2n + 1 gives n² + 2n + 1 = (n + 1)². So the claim holds for every n.',
  'Pair the first and last terms: 1 + (2n − 1) = 2n, and there are n/2 pairs, so the sum is n · n = n². This fails when n is odd, where the middle term has no partner.',
  'Draw the odd numbers as L-shaped layers: each new layer of 2n − 1 dots turns an (n − 1) square into an n square.',
];
const spansOf = (text: string, marks: [string, string][]) =>
  marks.map(([piece, label]) => {
    const start = [...text.slice(0, text.indexOf(piece))].length;
    return { start, end: start + [...piece].length, label };
  });

const SUPPORT = [
  'The app crashes every time I open the settings page.',
  'Thanks, the refund arrived within a day!',
  'How do I change the email on my account?',
  'Still waiting for an answer after two weeks.',
  'Love the new dark theme, much easier on the eyes.',
  'The invoice shows the wrong company name.',
  'Can I export my data as CSV?',
  'Your support agent was patient and kind.',
  'Login fails with "session expired" straight after signing in.',
  'Is there a student discount?',
  'The mobile app drains my battery.',
  'Everything works, just saying thanks.',
];

async function shoot(page: Page, name: (typeof NAMES)[number]): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function session(browser: Browser, who: TestUser | undefined, theme: 'light' | 'dark') {
  const context = await browser.newContext({
    baseURL: e.baseUrl,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    colorScheme: theme,
    locale: 'en-GB',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  if (who) await signIn(page, who);
  return { context, page };
}

describe('screenshots', () => {
  it('writes screenshots of the main screens', async () => {
    fs.mkdirSync(OUT, { recursive: true });
    // Last run's pictures go first, so a file found at the end was written by this run.
    for (const name of NAMES) fs.rmSync(path.join(OUT, `${name}.png`), { force: true });
    const ada = await person('admin', 'Ada Lovelace', 'ada@example.org');
    const grace = await person('manager', 'Grace Hopper', 'grace@example.org');
    const alan = await person('annotator', 'Alan Turing', 'alan@example.org');
    const kath = await person('annotator', 'Katherine Johnson', 'katherine@example.org');
    const edsger = await person('reviewer', 'Edsger Dijkstra', 'edsger@example.org');
    const charles = await person('annotator', 'Charles Babbage', 'charles@example.org');
    await e.api.call(ada, 'PATCH', `/api/users/${charles.id}`, { status: 'suspended' });

    const support = await project(
      grace,
      {
        name: 'Support tickets: sentiment',
        guidelines: 'Choose the feeling of the **customer**, not of the topic.',
        interface: {
          fields: [{ name: 'text', type: 'text' }],
          questions: [
            {
              name: 'sentiment',
              type: 'choice',
              options: ['positive', 'neutral', 'negative'],
              required: true,
            },
          ],
        },
      },
      [alan, kath],
    );
    await importLines(
      grace,
      support,
      SUPPORT.map((text, i) => ({ id: `ticket-${101 + i}`, data: { text } })),
    );
    for (const sentiment of ['negative', 'positive', 'neutral', 'negative', 'positive'])
      await annotate(alan, support, { sentiment });

    const maths = await project(
      grace,
      {
        name: 'Maths explanations',
        guidelines: GUIDELINES,
        overlap: 2,
        interface: {
          fields: [
            { name: 'question', label: 'Question', type: 'text', format: 'markdown' },
            { name: 'answer', label: "Student's answer", type: 'text' },
          ],
          questions: [
            {
              name: 'claims',
              label: 'Claims, formulas and errors',
              type: 'spans',
              field: 'answer',
              labels: ['CLAIM', 'FORMULA', 'ERROR'],
            },
            {
              name: 'correct',
              label: 'Is the answer correct?',
              type: 'choice',
              options: ['yes', 'partly', 'no'],
              required: true,
            },
            { name: 'clarity', label: 'Clarity', type: 'rating', min: 1, max: 5 },
            { name: 'comment', label: 'Comment', type: 'text', multiline: true },
          ],
        },
      },
      [alan, kath, edsger],
    );
    await importLines(
      grace,
      maths,
      ANSWERS.map((answer, i) => ({ id: `proof-${i + 1}`, data: { question: QUESTION, answer } })),
    );
    const first = ANSWERS[0]!;
    await annotate(alan, maths, {
      claims: spansOf(first, [
        ['for n = 1 the sum is 1 = 1²', 'CLAIM'],
        ['n² + 2n + 1 = (n + 1)²', 'FORMULA'],
      ]),
      correct: 'yes',
      clarity: 5,
      comment: 'A clean induction.',
    });
    await annotate(kath, maths, {
      claims: spansOf(first, [
        ['for n = 1 the sum is 1 = 1²', 'CLAIM'],
        ['adding 2n + 1', 'ERROR'],
      ]),
      correct: 'partly',
      clarity: 3,
      comment: 'The next odd number is 2n + 1 only when counting from zero; say so.',
    });
    const second = ANSWERS[1]!;
    await annotate(
      alan,
      maths,
      {
        claims: spansOf(second, [
          ['1 + (2n − 1) = 2n', 'FORMULA'],
          ['there are n/2 pairs', 'CLAIM'],
          ['This fails when n is odd', 'ERROR'],
        ]),
      },
      false,
    );

    const ner = await project(
      grace,
      {
        name: 'Product names (NER)',
        interface: {
          fields: [{ name: 'text', type: 'text' }],
          questions: [{ name: 'entities', type: 'spans', field: 'text', labels: ['PRODUCT', 'BRAND'] }],
        },
      },
      [alan],
    );

    const light = await session(e.browser, undefined, 'light');
    const page = light.page;
    await page.goto('/');
    await page.getByLabel('Email').waitFor();
    await shoot(page, 'sign-in');
    await signIn(page, grace);

    await page
      .getByRole('heading', { name: 'Support tickets: sentiment' })
      .or(page.getByText('Support tickets: sentiment'))
      .first()
      .waitFor();
    await shoot(page, 'projects');

    await page.goto('/projects/new');
    await page.getByRole('button', { name: 'Named entities' }).click();
    await page.getByLabel('Name', { exact: true }).first().fill('Company names in news');
    await page
      .locator('.builder-layout')
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
    await shoot(page, 'new-project');

    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-shots-')), 'products.jsonl');
    fs.writeFileSync(
      bad,
      [
        JSON.stringify({ id: 'p1', data: { text: 'The new Pixel 9 beats the iPhone 16 on battery.' } }),
        JSON.stringify({ id: 'p2', data: { body: 'Galaxy Tab S10 review' } }),
        '{"id": "p3", "data": {"text": "Surface Laptop 7 ships in June."',
        JSON.stringify({ id: 'p4', data: { text: 'ThinkPad X1 Carbon, 12th generation' }, prority: 2 }),
        JSON.stringify({ id: 'p5', data: { text: 'Kindle Scribe hands-on.' } }),
      ].join('\n'),
    );
    await page.goto(`/projects/${ner}/import`);
    await page.getByLabel('File to import').setInputFiles(bad);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Nothing was imported/).waitFor();
    await shoot(page, 'import-errors');

    await page.goto(`/projects/${maths}/items`);
    await page.getByRole('cell', { name: 'proof-1' }).or(page.getByText('proof-1')).first().waitFor();
    await shoot(page, 'items');

    const items = await e.api.call(grace, 'GET', `/api/projects/${maths}/items`);
    const proof1 = items.body.items.find((i: { externalId: string }) => i.externalId === 'proof-1');
    await page.goto(`/items/${proof1.id}`);
    await page.getByRole('heading', { name: /Annotations \(2 of 2 wanted\)/ }).waitFor();
    await page
      .getByRole('heading', { name: /Annotations/ })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(page, 'item-detail');
    await light.context.close();

    const annotator = await session(e.browser, alan, 'light');
    const a = annotator.page;
    await a.goto(`/projects/${maths}/annotate`);
    await a.locator('.span-chip').first().waitFor();
    await a.locator('.katex').first().waitFor();
    await shoot(a, 'annotate');
    await a.keyboard.press('?');
    await a.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shoot(a, 'shortcuts');
    await a.goto(`/projects/${support}/my-work`);
    await a.getByRole('rowheader', { name: 'ticket-101', exact: true }).waitFor();
    await shoot(a, 'my-work');
    await annotator.context.close();

    const admin = await session(e.browser, ada, 'light');
    await admin.page.goto('/users');
    await admin.page.getByRole('cell', { name: 'charles@example.org', exact: true }).waitFor();
    await shoot(admin.page, 'users');
    await admin.context.close();

    const dark = await session(e.browser, alan, 'dark');
    await dark.page.getByText('Maths explanations').first().waitFor();
    await shoot(dark.page, 'projects-dark');
    await dark.page.goto(`/projects/${maths}/annotate`);
    await dark.page.locator('.span-chip').first().waitFor();
    await dark.page.locator('.katex').first().waitFor();
    await shoot(dark.page, 'annotate-dark');
    await dark.context.close();

    for (const name of NAMES) {
      const file = path.join(OUT, `${name}.png`);
      expect(fs.existsSync(file), file).toBe(true);
      expect(fs.readFileSync(file).subarray(0, 8).equals(PNG_MAGIC), file).toBe(true);
    }
  });
});
