import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../server/testing/harness.ts';
import { ffmpegMade } from '../server/testing/media-fixtures.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
let manager: TestUser;
beforeAll(async () => {
  e = await startE2E();
  manager = await e.user('manager');
});
afterAll(async () => e?.close());

const box = (frame: number, x: number) => ({ frame, x, y: 0, width: 10, height: 10 });
const answer = (annotator: string, answers: Record<string, unknown>) => ({
  annotator,
  answers,
  status: 'submitted',
});

describe('the agreement of media questions in the console', () => {
  it('shows segment F1, uα, WER, frames agreeing and track IDF1 on the overview', async () => {
    const { id } = await projectWithItems(
      e,
      manager,
      {
        name: 'Clips',
        overlap: 2,
        interface: {
          fields: [{ name: 'clip', type: 'video' }],
          questions: [
            {
              name: 'seg',
              label: 'Segments',
              type: 'segments',
              field: 'clip',
              labels: ['speech'],
              text: 'optional',
            },
            { name: 'fr', label: 'Frames', type: 'frames', field: 'clip', labels: ['walk', 'run'] },
            { name: 'tr', label: 'Tracks', type: 'tracks', field: 'clip', labels: ['car'] },
          ],
        },
      },
      [],
    );
    const video = ffmpegMade(
      ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5', '-t', '2', '-c:v', 'mpeg4'],
      'mp4',
    );
    const up = await e.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/media`,
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'video/mp4' },
      payload: video,
    });
    expect(up.statusCode, up.body).toBe(201);
    const line = {
      data: { clip: JSON.parse(up.body).ref },
      annotations: [
        answer('crowd-1', {
          seg: [{ start: 0, end: 1, label: 'speech', text: 'hello world' }],
          fr: [{ frame: 0, label: 'walk' }],
          tr: [{ id: 'a', label: 'car', keyframes: [box(0, 0), box(3, 0)] }],
        }),
        answer('crowd-2', {
          seg: [{ start: 0, end: 1, label: 'speech', text: 'hello duck' }],
          fr: [{ frame: 0, label: 'walk' }],
          tr: [{ id: 'b', label: 'car', keyframes: [box(0, 0), box(1, 0), box(2, 5), box(3, 5)] }],
        }),
      ],
    };
    const imported = await e.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/items`,
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify(line)}\n`,
    });
    expect(imported.statusCode, imported.body).toBe(201);

    const { page } = await e.open(manager);
    await page.goto(`/projects/${id}`);
    const agreement = page.getByRole('region', { name: 'Agreement', exact: true });
    await agreement.getByRole('button', { name: 'Compute agreement' }).click();
    const cell = async (question: string, row: string) => {
      const table = agreement.locator(`table[data-question="${question}"]`);
      await table.waitFor();
      return table.getByRole('row').filter({ hasText: row }).getByRole('cell').allTextContents();
    };
    // The same segment (F1 1, uα 1); "hello world" against "hello duck": WER 0.5.
    expect(await cell('seg', 'segment F1 (IoU ≥ 0.5)')).toEqual(['1.000']);
    expect(await cell('seg', 'alpha unitized (uα)')).toEqual(['1.000']);
    expect(await cell('seg', 'transcript WER')).toEqual(['0.500']);
    // Both hold walk from frame 0 on every frame.
    expect(await cell('fr', 'frames agreeing')).toEqual(['1.000']);
    // Boxes at IoU 1, 1, 1/3, 1/3: IDF1 2·2/8.
    expect(await cell('tr', 'track IDF1 (IoU ≥ 0.5)')).toEqual(['0.500']);
    expect(await cell('tr', 'track IoU (matched)')).toEqual(['0.667']);
  });
});
