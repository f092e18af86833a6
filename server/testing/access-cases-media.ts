/**
 * The access matrix's cases for media (docs/media.md): uploads and imports by URL are for those
 * who manage the project; an item's media is served to whoever may see the item, as the item is.
 */
import type { OperationId } from '../../core/api/routes.ts';
import { type Case, managersOfA, signedIn, type World } from './access-world.ts';
import { jsonl } from './harness.ts';
import { audioInterface, uploaded, wavTone } from './media-fixtures.ts';

/** Project M: A's people with A's roles, two items with audio; the annotator holds the first. */
interface MediaWorld {
  own: number;
  other: number;
}
const built = new WeakMap<World, Promise<MediaWorld>>();

async function buildMedia(w: World): Promise<MediaWorld> {
  const { h, users } = w;
  const p = await h.call(users.admin, 'POST', '/api/projects', {
    name: 'media matrix',
    interface: audioInterface,
  });
  const projectId: number = p.body.id;
  for (const [user, role] of [
    [users.projectManager, 'manager'],
    [users.reviewer, 'reviewer'],
    [users.annotator, 'annotator'],
  ] as const)
    await h.call(users.admin, 'POST', `/api/projects/${projectId}/members`, { userId: user.id, role });
  const ref = await uploaded(h, users.admin, projectId, wavTone());
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${users.admin.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl([
      { data: { clip: ref }, priority: 2 },
      { data: { clip: ref }, priority: 1 },
    ]),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const next = await h.call(users.annotator, 'POST', `/api/projects/${projectId}/assignments/next`);
  const own: number = next.body.item.id;
  const items = await h.call(users.admin, 'GET', `/api/projects/${projectId}/items`);
  const other = (items.body.items as { id: number }[]).find((i) => i.id !== own)!.id;
  return { own, other };
}
const mediaWorld = (w: World) => {
  let m = built.get(w);
  if (!m) {
    m = buildMedia(w);
    built.set(w, m);
  }
  return m;
};

export const mediaCases = {
  uploadMedia: [
    {
      target: 'project A',
      build: (w) => ({
        params: { projectId: w.projectA },
        raw: { contentType: 'audio/wav', payload: wavTone({ hz: 300 + Math.floor(Math.random() * 500) }) },
      }),
      expect: managersOfA(201),
    },
  ],
  importMediaUrl: [
    {
      // Refused before any connection is made: a loopback address is not public.
      target: 'project A, a loopback URL',
      build: (w) => ({ params: { projectId: w.projectA }, body: { url: 'http://127.0.0.1:9/clip.wav' } }),
      expect: managersOfA('MEDIA_FETCH_FAILED'),
    },
  ],
  listMedia: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA }, query: { status: 'failed' } }),
      expect: managersOfA(200),
    },
  ],
  reprobeMedia: [
    {
      // Plans probes for A's media that need one (none here): who may ask is what is checked.
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA }, body: {} }),
      expect: managersOfA(200),
    },
  ],
  getItemMedia: [
    {
      target: "the annotator's item in M",
      build: async (w) => ({ params: { itemId: (await mediaWorld(w)).own, field: 'clip' } }),
      expect: signedIn({
        admin: 200,
        manager: 200,
        projectManager: 200,
        reviewer: 200,
        annotator: 200,
        outsider: 'NOT_FOUND',
      }),
    },
    {
      target: 'an item in M the annotator was never given',
      build: async (w) => ({ params: { itemId: (await mediaWorld(w)).other, field: 'clip' } }),
      expect: signedIn({
        admin: 200,
        manager: 200,
        projectManager: 200,
        reviewer: 200,
        annotator: 'NOT_FOUND',
        outsider: 'NOT_FOUND',
      }),
    },
  ],
  // The world runs no jobs, so the peaks are not computed: those who may see the item are told
  // so (MEDIA_NOT_READY), anyone else gets the 404 of an unknown item. Tiles themselves are
  // checked in server/media/peaks.test.ts.
  getItemMediaPeaks: [
    {
      target: "the annotator's item in M",
      build: async (w) => ({
        params: { itemId: (await mediaWorld(w)).own, field: 'clip' },
        query: { level: '256', tile: '0' },
      }),
      expect: signedIn({
        admin: 'MEDIA_NOT_READY',
        manager: 'MEDIA_NOT_READY',
        projectManager: 'MEDIA_NOT_READY',
        reviewer: 'MEDIA_NOT_READY',
        annotator: 'MEDIA_NOT_READY',
        outsider: 'NOT_FOUND',
      }),
    },
    {
      target: 'an item in M the annotator was never given',
      build: async (w) => ({
        params: { itemId: (await mediaWorld(w)).other, field: 'clip' },
        query: { level: '256', tile: '0' },
      }),
      expect: signedIn({
        admin: 'MEDIA_NOT_READY',
        manager: 'MEDIA_NOT_READY',
        projectManager: 'MEDIA_NOT_READY',
        reviewer: 'MEDIA_NOT_READY',
        annotator: 'NOT_FOUND',
        outsider: 'NOT_FOUND',
      }),
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
