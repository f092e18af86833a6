import { AssessmentAttempts, MyAssessments, StartedAttempt } from './assessments.ts';
import { ProjectParams } from './common.ts';
import { route } from './route.ts';

/** Qualification tests (docs/assessments.md): what tutors may take, starting an attempt, the attempts. */
export const assessmentRoutes = {
  listMyAssessments: route({
    operationId: 'listMyAssessments',
    method: 'GET',
    path: '/api/assessments',
    summary: 'The assessments the caller may take, with their standing and results per question',
    tag: 'assessments',
    auth: 'user',
    response: MyAssessments,
  }),
  startAssessmentAttempt: route({
    operationId: 'startAssessmentAttempt',
    method: 'POST',
    path: '/api/projects/{projectId}/assessment/attempts',
    summary: 'Start (or continue) an attempt at the assessment; the work loop then serves its questions',
    tag: 'assessments',
    auth: 'user',
    params: ProjectParams,
    response: StartedAttempt,
  }),
  assessmentAttempts: route({
    operationId: 'assessmentAttempts',
    method: 'GET',
    path: '/api/projects/{projectId}/assessment/attempts',
    summary: "Every tutor's attempts with scores per question and answers (managers, reviewers)",
    tag: 'assessments',
    auth: 'user',
    params: ProjectParams,
    response: AssessmentAttempts,
  }),
} as const;
