/** The access matrix's cases for live mode: the streamed reply and the project's live connection. */
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, managersOfA, signedIn } from './access-world.ts';

const said = () => ({ body: { messages: [{ role: 'user', content: 'Hello?' }] } });

export const liveCases = {
  // Project A asks no live question: its annotator learns that, everyone else that there is no
  // such assignment (server/live/live.test.ts has the replies themselves).
  liveReply: [
    {
      target: "the annotator's submitted assignment in A",
      build: (w) => ({ ...said(), params: { assignmentId: w.work.A.assignment } }),
      expect: signedIn({ ...all('NOT_FOUND'), annotator: 'LIVE_UNAVAILABLE' }),
    },
    {
      target: "a colleague's assignment in A",
      build: (w) => ({ ...said(), params: { assignmentId: w.work.other.assignment } }),
      expect: signedIn(all('NOT_FOUND')),
    },
    {
      target: 'a lock in B',
      build: (w) => ({ ...said(), params: { assignmentId: w.work.bravoLock } }),
      expect: signedIn(all('NOT_FOUND')),
    },
  ],
  getLiveConnection: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  setLiveConnection: [
    {
      target: 'project A (none)',
      build: (w) => ({ params: { projectId: w.projectA }, body: { connectionId: null } }),
      expect: managersOfA(200),
    },
    {
      target: 'project B (none)',
      build: (w) => ({ params: { projectId: w.projectB }, body: { connectionId: null } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
