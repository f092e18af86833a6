import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../server/testing/harness.ts';
import { tutorInterface, tutorLine } from '../server/testing/tutor-fixture.ts';
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

    // One annotator's work (an offboarded tutor's, say): the flag and the parameter follow.
    await page.getByLabel("Only one annotator's work (email)").fill('Tutor@Example.org');
    await expect.poll(() => command.textContent()).toContain(' --annotator Tutor@Example.org --out');
    expect(await url.textContent()).toContain('&annotator=Tutor%40Example.org');
    await page.getByLabel("Only one annotator's work (email)").fill('');

    // A last day before the first is said, and nothing is downloaded.
    await page.getByLabel('Submitted to (last day, included)').fill('2026-11-30');
    await page.getByText('The last day is before the first.').waitFor();
    expect(await page.getByRole('button', { name: 'Download export' }).isDisabled()).toBe(true);
  });

  it('picks a training format with its options, and downloads its file', async () => {
    const { id } = await projectWithItems(e, manager, { name: 'Tutor work', interface: tutorInterface }, [
      tutorLine(5),
      tutorLine(6),
    ]);
    const { page } = await e.open(manager);
    await page.goto(`/projects/${id}/export`);
    await page.getByRole('heading', { name: 'Export', exact: true }).waitFor();
    const command = page.getByTestId('export-command');
    await page.getByRole('radio', { name: 'preference', exact: true }).check();
    await page.getByText('Each submitted pairwise answer that prefers one').waitFor();
    expect(await page.getByLabel(/Submitted annotations only/).isDisabled()).toBe(true);
    await page.getByLabel('Neighbouring tiers only').check();
    await expect
      .poll(() => command.textContent())
      .toBe(
        `verity export --project ${id} --format preference --pairs adjacent --out Tutor-work-${id}-preference.jsonl`,
      );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download export' }).click(),
    ]);
    const pairs = fs
      .readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // Item 5: a preference and a ranking of two tiers; item 6: a tie (no pair) and three tiers.
    expect(pairs.map((p) => `${p.chosen_id}>${p.rejected_id}`)).toEqual([
      'b>a',
      'y>w',
      'y>x',
      'z>w',
      'z>x',
      'y>x',
      'z>x',
      'x>w',
    ]);

    // From the consensus: one set of pairs per item, no annotator, model judges not offered.
    await page.getByLabel('Consensus').selectOption('majority');
    await expect
      .poll(() => command.textContent())
      .toBe(
        `verity export --project ${id} --format preference --pairs adjacent --consensus majority --out Tutor-work-${id}-preference.jsonl`,
      );
    expect(await page.getByLabel(/Include model judges/).count()).toBe(0);
    const [agreed] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download export' }).click(),
    ]);
    const agreedPairs = fs
      .readFileSync((await agreed.path())!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      agreedPairs.map((p) => `${p.chosen_id}>${p.rejected_id}:${p.margin} ${p.consensus_method}`),
    ).toEqual(
      ['b>a:1', 'y>w:1', 'y>x:1', 'z>w:1', 'z>x:1', 'y>x:1', 'z>x:1', 'x>w:1'].map(
        (p) => `${p} bradley-terry`,
      ),
    );
    expect(agreedPairs.every((p) => p.annotator === null)).toBe(true);

    await page.getByRole('radio', { name: 'kto' }).check();
    await page.getByLabel('Threshold').fill('2');
    await page.getByText('A number from 0 to 1, such as 0.5.').waitFor();
    expect(await page.getByRole('button', { name: 'Download export' }).isDisabled()).toBe(true);
    await page.getByLabel('Threshold').fill('0.8');
    await expect.poll(() => command.textContent()).toContain('--format kto --threshold 0.8');
    // kto is not made from the consensus: the choice is not offered, nor sent.
    expect(await page.getByLabel('Consensus').count()).toBe(0);
    expect(await command.textContent()).not.toContain('--consensus');

    // A media format: nemo's lines per file; rttm is one file named for the project.
    await page.getByRole('radio', { name: 'nemo' }).check();
    await page.getByRole('radio', { name: /One per media file/ }).check();
    await expect
      .poll(() => command.textContent())
      .toContain(`--format nemo --nemo-per file --out Tutor-work-${id}-nemo.jsonl`);
    await page.getByRole('radio', { name: 'rttm' }).check();
    await expect.poll(() => command.textContent()).toContain(`--format rttm --out Tutor-work-${id}.rttm`);
  });
});
