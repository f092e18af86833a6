import { ProjectParams } from './common.ts';
import { AcceptBody, FixBody, RejectBody, ReviewParams } from './review.ts';
import { ReviewOutcome, ReviewTask } from './review-task.ts';
import { bodyLimits, route } from './route.ts';

/** The review queue and its decisions (docs/quality.md): reviewers, managers and admins. */
export const reviewRoutes = {
  nextReview: route({
    operationId: 'nextReview',
    method: 'POST',
    path: '/api/projects/{projectId}/review/next',
    summary:
      "The caller's held review, or the next annotation awaiting review, claimed; 204 when none is left",
    tag: 'review',
    auth: 'user',
    params: ProjectParams,
    response: ReviewTask,
    mayBeEmpty: true,
  }),
  acceptReview: route({
    operationId: 'acceptReview',
    method: 'POST',
    path: '/api/projects/{projectId}/review/{annotationId}/accept',
    summary: 'Accept an annotation awaiting review',
    tag: 'review',
    auth: 'user',
    params: ReviewParams,
    body: AcceptBody,
    response: ReviewOutcome,
  }),
  rejectReview: route({
    operationId: 'rejectReview',
    method: 'POST',
    path: '/api/projects/{projectId}/review/{annotationId}/reject',
    summary: "Reject with a comment: back to its annotator's rework queue",
    tag: 'review',
    auth: 'user',
    params: ReviewParams,
    body: RejectBody,
    response: ReviewOutcome,
  }),
  fixReview: route({
    operationId: 'fixReview',
    method: 'POST',
    path: '/api/projects/{projectId}/review/{annotationId}/fix',
    summary: "Replace the answers with the reviewer's; the annotator's stay as a revision",
    tag: 'review',
    auth: 'user',
    params: ReviewParams,
    body: FixBody,
    bodyLimit: bodyLimits.large,
    response: ReviewOutcome,
  }),
};
