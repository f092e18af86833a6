import { AssignmentParams } from './assignments.ts';
import { ProjectParams } from './common.ts';
import { LiveConnection, LiveConnectionBody, LiveEvent, LiveReplyBody } from './live.ts';
import { bodyLimits, route } from './route.ts';

/** Live mode: a streamed reply of the model to the tutor's conversation, and the project's connection. */
export const liveRoutes = {
  liveReply: route({
    operationId: 'liveReply',
    method: 'POST',
    path: '/api/assignments/{assignmentId}/live',
    summary:
      "The model's reply to the conversation of a live question, streamed; only the holder of the assignment's live lock",
    tag: 'assignments',
    auth: 'user',
    params: AssignmentParams,
    body: LiveReplyBody,
    bodyLimit: bodyLimits.large,
    response: null,
    responseKind: 'jsonl',
    lines: LiveEvent,
  }),
  getLiveConnection: route({
    operationId: 'getLiveConnection',
    method: 'GET',
    path: '/api/projects/{projectId}/live-connection',
    summary: "The model connection a project's live questions talk to",
    tag: 'projects',
    auth: 'user',
    params: ProjectParams,
    response: LiveConnection,
  }),
  setLiveConnection: route({
    operationId: 'setLiveConnection',
    method: 'PUT',
    path: '/api/projects/{projectId}/live-connection',
    summary: "Set (or clear) the model connection a project's live questions talk to",
    tag: 'projects',
    auth: 'user',
    params: ProjectParams,
    body: LiveConnectionBody,
    response: LiveConnection,
  }),
} as const;
