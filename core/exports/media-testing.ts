import { type InterfaceDefinition, migrateInterface } from '../interface/index.ts';
import type { ExportedAnnotation, ExportedItem, ExportedMediaFacts } from './record.ts';

/**
 * For the media formats' tests: a recording and a video, with a question of each media kind, as a
 * project is created with it (the server's export test posts it) and as the formats read it.
 */
export const mediaInterfaceInput = {
  fields: [
    { name: 'clip', type: 'audio' },
    { name: 'film', type: 'video' },
  ],
  questions: [
    {
      name: 'talk',
      type: 'segments',
      field: 'clip',
      labels: ['speech', 'music'],
      text: 'optional',
      speakers: 'optional',
    },
    { name: 'scenes', type: 'segments', field: 'film', labels: ['intro', 'outro'] },
    { name: 'shots', type: 'frames', field: 'film', labels: ['day', 'night'] },
    { name: 'objects', type: 'tracks', field: 'film', labels: ['car', 'person'] },
  ],
};
export const mediaInterface: InterfaceDefinition = migrateInterface(mediaInterfaceInput);

/** A 10 s recording and a 29.97 fps video of 2 s (60 frames, the last 59) at 64×48. */
export const mediaFacts: Record<string, ExportedMediaFacts> = {
  clip: { durationSeconds: 10, frameRate: null, width: null, height: null },
  film: { durationSeconds: 2.002, frameRate: '30000/1001', width: 64, height: 48 },
};

export function mediaItem(
  answers: Record<string, unknown>[],
  more: Partial<ExportedItem> = {},
  annotation: Partial<ExportedAnnotation> = {},
): ExportedItem {
  return {
    id: 5,
    externalId: 'ep 1',
    dataJson: '{"clip":"media:1","film":"media:2"}',
    annotations: answers.map((a, i) => ({
      id: i + 1,
      annotator: i === 0 ? 'ada@example.org' : `tutor${i}@example.org`,
      status: 'submitted',
      answers: a,
      submittedAt: '2026-12-01T09:30:00.000Z',
      ...annotation,
    })),
    media: mediaFacts,
    ...more,
  };
}

/** What a transformer emits for an item, as text. */
export const emitted = (t: { item(i: ExportedItem, e: (l: string) => void): void }, item: ExportedItem) => {
  let text = '';
  t.item(item, (l) => {
    text += l;
  });
  return text;
};
