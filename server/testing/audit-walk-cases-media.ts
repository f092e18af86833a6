/**
 * The walk's calls for media exports (server/audit/audit-walk.test.ts): an item's subtitles are an
 * export of one annotation, logged as `export.subtitles`.
 */
import { expect } from 'vitest';
import { type AuditCall, held } from './audit-walk-cases.ts';
import { jsonl } from './harness.ts';
import { audioInterface, uploaded, wavTone } from './media-fixtures.ts';

const subtitled = held<{ itemId: number; projectId: number }>();

export const mediaExportCalls = {
  itemSubtitles: {
    action: 'export.subtitles',
    as: 'annotator',
    build: async (w) => {
      const { h, users } = w;
      const p = await h.call(users.admin, 'POST', '/api/projects', {
        name: 'walked subtitles',
        interface: {
          ...audioInterface,
          questions: [{ name: 'talk', type: 'segments', field: 'clip', text: 'required' }],
        },
      });
      const projectId: number = p.body.id;
      await h.call(users.admin, 'POST', `/api/projects/${projectId}/members`, {
        userId: users.annotator.id,
        role: 'annotator',
      });
      const ref = await uploaded(h, users.admin, projectId, wavTone());
      const res = await h.verity.app.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/items`,
        headers: { authorization: `Bearer ${users.admin.token}`, 'content-type': 'application/x-ndjson' },
        payload: jsonl([{ data: { clip: ref } }]),
      });
      expect(res.statusCode, res.body).toBe(201);
      const next = await h.call(users.annotator, 'POST', `/api/projects/${projectId}/assignments/next`);
      const sub = await h.call(
        users.annotator,
        'POST',
        `/api/assignments/${next.body.assignment.id}/submit`,
        {
          answers: { talk: [{ start: 0, end: 0.2, text: 'Hello.' }] },
          idempotencyKey: `walk-subtitles-${projectId}`,
        },
      );
      expect(sub.status, JSON.stringify(sub.body)).toBeLessThan(300);
      const itemId: number = next.body.item.id;
      subtitled.set({ itemId, projectId });
      return { params: { itemId }, query: { format: 'srt', question: 'talk' } };
    },
    entry: (w) => ({
      targetType: 'item',
      targetId: String(subtitled.get().itemId),
      targetEmail: null,
      projectId: subtitled.get().projectId,
      before: null,
      after: { format: 'srt', filters: { question: 'talk', annotator: w.users.annotator.email } },
    }),
  },
} satisfies Record<string, AuditCall>;
