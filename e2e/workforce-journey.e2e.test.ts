import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postItems } from '../server/testing/factories.ts';
import { type E2E, startE2E } from './harness.ts';

/**
 * The workforce's journey in one browser each (docs/onboarding.md, docs/assessments.md,
 * docs/skills.md): an admin invites a tutor to a project that asks for `math.algebra` at level 2;
 * the tutor joins by the link, is refused the project's work with the skill named, passes the
 * open qualification test that grants it, and is then handed the project's items.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const TOPIC = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry'], required: true }],
};

describe('invite, qualification test, routed work', () => {
  it('a new tutor joins by invite, earns the skill in the test, and only then gets the routed items', async () => {
    const admin = await e.user('admin');
    const skill = await e.api.call(admin, 'POST', '/api/skills', {
      name: 'math.algebra',
      description: 'Algebra',
    });
    expect(skill.status, JSON.stringify(skill.body)).toBe(201);

    const test = await e.api.call(admin, 'POST', '/api/projects', {
      name: 'Algebra qualification',
      interface: TOPIC,
      assessment: {
        skill: 'math.algebra',
        level: 2,
        passMark: 0.8,
        maxAttempts: 2,
        cooldownHours: 24,
        openToAll: true,
      },
    });
    expect(test.status, JSON.stringify(test.body)).toBe(201);
    await postItems(e.verity, admin, test.body.id, [
      { data: { text: 'Solve x + 2 = 5' }, gold: { topic: 'algebra' }, priority: 2 },
      { data: { text: 'Factor x^2 - 1' }, gold: { topic: 'algebra' }, priority: 1 },
    ]);

    const work = await e.api.call(admin, 'POST', '/api/projects', {
      name: 'Algebra work',
      interface: TOPIC,
      requiredSkills: { 'math.algebra': 2 },
    });
    expect(work.status, JSON.stringify(work.body)).toBe(201);
    const workId: number = work.body.id;
    await postItems(e.verity, admin, workId, [{ data: { text: 'Expand (a + b)^2' } }]);

    // The admin makes the invite in the console.
    const lead = await e.open(admin);
    await lead.page.goto('/invites');
    await lead.page.getByLabel('Email (optional)').fill('algebra.tutor@example.org');
    await lead.page.getByRole('checkbox', { name: 'Algebra work' }).check();
    await lead.page.getByRole('button', { name: 'Make invite link' }).click();
    const url = await lead.page.getByLabel('Invite link', { exact: true }).inputValue();

    // The tutor joins by the link and lands in their work.
    const { page } = await e.open();
    await page.goto(url);
    await page.getByLabel('Your name').fill('Alge Bra');
    await page.getByLabel('Password', { exact: true }).fill('a-long-enough-password');
    await page.getByLabel('Confirm password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Join and start' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();

    // Without the skill the project's work is refused, naming what is missing.
    await page.goto(`/projects/${workId}/annotate`);
    await page.getByText('This project asks for math.algebra at level 2 (you hold none).').waitFor();
    expect(await page.getByText('Expand (a + b)^2').count()).toBe(0);

    // The open qualification test: both answers right (key 1 is "algebra").
    await page.goto('/assessments');
    const card = page.getByRole('region', { name: 'Algebra qualification' });
    await card.getByRole('button', { name: /^Start/ }).click();
    await page.waitForURL(new RegExp(`/projects/${test.body.id}/annotate$`));
    for (const text of ['Solve x + 2 = 5', 'Factor x^2 - 1']) {
      await page.getByText(text).waitFor();
      await page.getByRole('button', { name: 'Submit' }).waitFor();
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (t) => !(document.querySelector('main')?.textContent ?? '').includes(t),
        text,
      );
    }
    await page.getByRole('link', { name: 'See your assessment result' }).click();
    await page
      .getByRole('region', { name: 'Algebra qualification' })
      .getByText('Passed. You earned math.algebra at level 2.')
      .waitFor();

    // Now the routed project hands them its item, and their submission counts.
    await page.goto(`/projects/${workId}/annotate`);
    await page.getByText('Expand (a + b)^2').waitFor();
    await page.getByRole('button', { name: 'Submit' }).waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByText('All done').waitFor();

    const tutor = await e.verity.store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'algebra.tutor@example.org')
      .executeTakeFirstOrThrow();
    const done = await e.verity.store.db
      .selectFrom('annotations')
      .select(['status', 'answers'])
      .where('projectId', '=', workId)
      .where('userId', '=', tutor.id)
      .execute();
    expect(done).toEqual([{ status: 'submitted', answers: JSON.stringify({ topic: 'algebra' }) }]);
    const held = await e.verity.store.db
      .selectFrom('userSkills')
      .select(['skill', 'level', 'source'])
      .where('userId', '=', tutor.id)
      .execute();
    expect(held).toEqual([{ skill: 'math.algebra', level: 2, source: 'assessment' }]);
    // The audit log holds the invite, its acceptance and the earned skill.
    const acts = await e.verity.store.db.selectFrom('auditLog').select('action').orderBy('id').execute();
    expect(acts.map((a) => a.action)).toEqual(
      expect.arrayContaining(['invite.create', 'invite.accept', 'skill.earn']),
    );
  });
});
