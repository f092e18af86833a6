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

describe('the export tab', () => {
  it('aims the export with its filters, shows the same as a URL and a command, and downloads it', async () => {
    const { id } = await projectWithItems(
      e,
      manager,
      {
        name: 'Aimed export',
        interface: {
          fields: [{ name: 'text', type: 'text' }],
          questions: [
            { name: 'topic', label: 'Topic', type: 'choice', options: ['a', 'b'] },
            { name: 'note', label: 'Note', type: 'text' },
          ],
        },
      },
      [
        {
          id: 'done',
          data: { text: 'one' },
          annotations: [
            {
              annotator: 'crowd-1',
              answers: { topic: 'a' },
              status: 'submitted',
              createdAt: '2026-12-02T10:00:00Z',
            },
          ],
        },
        {
          id: 'drafted',
          data: { text: 'two' },
          annotations: [{ annotator: 'crowd-1', answers: { note: 'n' }, status: 'draft' }],
        },
        { id: 'untouched', data: { text: 'three' } },
      ],
    );
    const listed = await e.api.call(manager, 'GET', `/api/projects/${id}/items`);
    const ids = (listed.body.items as { id: number; externalId: string }[]).map((i) => i.id);
    const { page } = await e.open(manager);
    // The item browser's selection arrives in the address.
    await page.goto(`/projects/${id}/export?ids=${ids[0]},${ids[1]}`);
    await page.getByRole('heading', { name: 'Export', exact: true }).waitFor();
    const url = page.getByTestId('export-url');
    const command = page.getByTestId('export-command');
    await expect
      .poll(() => command.textContent())
      .toBe(`verity export --project ${id} --ids ${ids[0]},${ids[1]} --out Aimed-export-${id}.jsonl`);

    await page.getByLabel('Submitted annotations only').check();
    await page.getByLabel('Submitted from (first day)').fill('2026-12-01');
    await page.getByLabel('Submitted to (last day, included)').fill('2026-12-03');
    await expect
      .poll(() => command.textContent())
      .toBe(
        `verity export --project ${id} --submitted-only --from 2026-12-01 --to 2026-12-03 --ids ${ids[0]},${ids[1]} --out Aimed-export-${id}.jsonl`,
      );
    expect(await url.textContent()).toBe(
      `${e.baseUrl}/api/projects/${id}/export?format=jsonl&submitted=only&from=2026-12-01&to=2026-12-03&ids=${ids[0]}%2C${ids[1]}`,
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download export' }).click(),
    ]);
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      lines.map((l) => [l.externalId, l.annotations.map((a: { answers: unknown }) => a.answers)]),
    ).toEqual([['done', [{ topic: 'a', note: null }]]]);

    // A last day before the first is said, and nothing is downloaded.
    await page.getByLabel('Submitted to (last day, included)').fill('2026-11-30');
    await page.getByText('The last day is before the first.').waitFor();
    expect(await page.getByRole('button', { name: 'Download export' }).isDisabled()).toBe(true);
  });
});
