import { z } from 'zod';
import { ProjectParams } from './common.ts';
import { JudgeReport, JudgeReportQuery } from './judge-report.ts';
import {
  AddJudgeBody,
  ConnectionChoice,
  JobStarted,
  Judge,
  JudgeParams,
  RunJudgeBody,
  SuggestBody,
} from './judges.ts';
import { route } from './route.ts';

/** Model judges of a project, and suggestions from a model (docs/judge.md). */
export const judgeRoutes = {
  listConnectionChoices: route({
    operationId: 'listConnectionChoices',
    method: 'GET',
    path: '/api/projects/{projectId}/model-connections',
    summary:
      "The model connections a project's managers may make judges or ask for suggestions: id, name and model only",
    tag: 'judges',
    auth: 'user',
    params: ProjectParams,
    response: z.object({ items: z.array(ConnectionChoice) }),
  }),
  listJudges: route({
    operationId: 'listJudges',
    method: 'GET',
    path: '/api/projects/{projectId}/judges',
    summary: 'The model judges of a project (its managers and reviewers)',
    tag: 'judges',
    auth: 'user',
    params: ProjectParams,
    response: z.object({ items: z.array(Judge) }),
  }),
  judgeReport: route({
    operationId: 'judgeReport',
    method: 'GET',
    path: '/api/projects/{projectId}/judges/report',
    summary:
      "Each model judge and each person side by side: agreement with the people's consensus per question and part, and gold accuracy (managers, reviewers)",
    tag: 'judges',
    auth: 'user',
    params: ProjectParams,
    query: JudgeReportQuery,
    response: JudgeReport,
  }),
  addJudge: route({
    operationId: 'addJudge',
    method: 'POST',
    path: '/api/projects/{projectId}/judges',
    summary:
      "Make a model connection a judge of the project (its managers, admins): the connection's account (made once, it can never sign in) joins as an annotator",
    tag: 'judges',
    auth: 'user',
    params: ProjectParams,
    body: AddJudgeBody,
    response: Judge,
    status: 201,
  }),
  runJudge: route({
    operationId: 'runJudge',
    method: 'POST',
    path: '/api/projects/{projectId}/judges/{userId}/run',
    summary:
      "Run a judge over every item of the project, as a background job: its answers are a submitted annotation of the model's account, which takes no person's place",
    tag: 'judges',
    auth: 'user',
    params: JudgeParams,
    body: RunJudgeBody,
    response: JobStarted,
    status: 201,
  }),
  suggest: route({
    operationId: 'suggest',
    method: 'POST',
    path: '/api/projects/{projectId}/suggest',
    summary:
      "Have a model suggest answers for every item of the project, as a background job: stored as predictions of the agent named after the connection (source 'model')",
    tag: 'judges',
    auth: 'user',
    params: ProjectParams,
    body: SuggestBody,
    response: JobStarted,
    status: 201,
  }),
};
