import { ProjectParams } from './common.ts';
import {
  GoldMarkBody,
  GoldMarkResult,
  GoldPause,
  GoldPauseParams,
  GoldReport,
  GoldReportQuery,
} from './gold.ts';
import { route } from './route.ts';

/** Gold items: accuracy per annotator, pauses by the quality bar, reviewer marks (docs/quality.md). */
export const goldRoutes = {
  goldReport: route({
    operationId: 'goldReport',
    method: 'GET',
    path: '/api/projects/{projectId}/gold',
    summary:
      'Gold accuracy per annotator and question with Wilson intervals, pauses, marks due (managers, reviewers)',
    tag: 'gold',
    auth: 'user',
    params: ProjectParams,
    query: GoldReportQuery,
    response: GoldReport,
  }),
  liftGoldPause: route({
    operationId: 'liftGoldPause',
    method: 'POST',
    path: '/api/projects/{projectId}/gold/pauses/{userId}/lift',
    summary: "Lift an annotator's pause by the quality bar (project managers)",
    tag: 'gold',
    auth: 'user',
    params: GoldPauseParams,
    response: GoldPause,
  }),
  markGoldAnswer: route({
    operationId: 'markGoldAnswer',
    method: 'POST',
    path: '/api/projects/{projectId}/gold/marks',
    summary: "Mark an annotator's free-text answer to a gold item (managers, reviewers)",
    tag: 'gold',
    auth: 'user',
    params: ProjectParams,
    body: GoldMarkBody,
    response: GoldMarkResult,
  }),
} as const;
