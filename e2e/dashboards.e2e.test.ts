import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../server/testing/harness.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
let manager: TestUser;
beforeAll(async () => {
  e = await startE2E();
  manager = await e.user('manager');
});
afterAll(async () => e?.close());

const answer = (annotator: string, topic: string, level: number, day: string) => ({
  annotator,
  answers: { topic, level },
  status: 'submitted',
  createdAt: `${day}T10:00:00Z`,
});

describe('the Dashboards tab', () => {
  it('shows each chart with its table, and downloads a table as CSV', async () => {
    const { id } = await projectWithItems(
      e,
      manager,
      {
        name: 'Charted',
        overlap: 2,
        interface: {
          fields: [{ name: 'text', type: 'text' }],
          questions: [
            { name: 'topic', label: 'Topic', type: 'choice', options: ['a', 'b'] },
            { name: 'level', label: 'Level', type: 'rating', min: 1, max: 3 },
          ],
        },
      },
      [
        {
          data: { text: 'one' },
          annotations: [answer('crowd-1', 'a', 1, '2026-12-01'), answer('crowd-2', 'a', 2, '2026-12-01')],
        },
        {
          data: { text: 'two' },
          annotations: [answer('crowd-1', 'b', 3, '2026-12-02'), answer('crowd-2', 'a', 3, '2026-12-02')],
        },
        {
          data: { text: 'three' },
          annotations: [answer('crowd-1', 'b', 2, '2026-12-02'), answer('crowd-2', 'b', 2, '2026-12-03')],
        },
      ],
    );
    // A review decision and a gold score, written as the review and gold paths write them.
    const db = e.verity.store.db;
    const first = await db
      .selectFrom('annotations')
      .select(['id', 'itemId', 'userId'])
      .where('projectId', '=', id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('reviewEvents')
      .values({
        annotationId: first.id,
        projectId: id,
        reviewerId: manager.id,
        outcome: 'accepted',
        comment: null,
        revision: 1,
        createdAt: Date.parse('2026-12-02T12:00:00Z'),
      })
      .execute();
    await db
      .insertInto('goldScores')
      .values({
        projectId: id,
        itemId: first.itemId,
        userId: first.userId,
        annotationId: first.id,
        question: 'topic',
        score: 1,
        detail: null,
        scoredAt: Date.now(),
        markedBy: null,
        markedAt: null,
      })
      .execute();

    const { page } = await e.open(manager);
    await page.goto(`/projects/${id}`);
    // The overview's agreement report, on request. Topic over the three items: a–a, b–a, b–b, so
    // nominal alpha = 1 − (2/6) / (2·3·3 / (6·5)) = 0.444.
    const agreement = page.getByRole('region', { name: 'Agreement', exact: true });
    await agreement.getByRole('button', { name: 'Compute agreement' }).click();
    const topic = agreement.locator('table[data-question="topic"]');
    await topic.waitFor();
    expect(
      await topic.getByRole('row').filter({ hasText: 'alpha nominal' }).getByRole('cell').allTextContents(),
    ).toEqual(['0.444']);
    await page
      .getByRole('navigation', { name: 'Project sections' })
      .getByRole('link', { name: 'Dashboards' })
      .click();
    for (const [panel, title] of [
      ['agreement', 'Agreement over time'],
      ['scatter', 'Gold accuracy against throughput'],
      ['review', 'Review outcomes'],
      ['burndown', 'Progress burndown'],
    ] as const) {
      const section = page.getByTestId(`panel-${panel}`);
      await section.getByRole('heading', { name: title }).waitFor();
      // uPlot draws into a canvas inside the chart's box.
      await section.getByTestId('chart').locator('canvas').waitFor();
      await section.getByTestId(`${panel}-table`).waitFor();
    }
    const agreementRows = await page.getByTestId('agreement-table').locator('tbody tr').allTextContents();
    expect(agreementRows).toHaveLength(3);
    expect(await page.getByTestId('scatter-table').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('review-table').locator('tbody tr').allTextContents()).toEqual([
      '2026-12-021000',
    ]);
    // The confusion matrix of the first question and annotator: a table heat map.
    const confusion = page.getByTestId('confusion-table');
    expect(await confusion.locator('thead th').allTextContents()).toEqual(['reference', 'a', 'b']);

    const renderMs = await page
      .getByTestId('chart')
      .evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.renderMs)));
    expect(renderMs).toHaveLength(4);
    for (const ms of renderMs) expect(ms).toBeLessThan(200);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^CSV: Progress per day/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`project-${id}-burndown.csv`);
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(
      'day,submitted,remaining\r\n2026-12-01,2,4\r\n2026-12-02,5,1\r\n2026-12-03,6,0\r\n',
    );
  });
});
