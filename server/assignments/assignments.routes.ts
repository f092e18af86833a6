import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as work from './assignments.service.ts';
import { myWork } from './mywork.service.ts';
import { myProgress } from './progress.service.ts';
import { returnSkip } from './return.service.ts';

export const assignmentHandlers = (ctx: AppContext) =>
  ({
    nextAssignment: ({ caller, params }) => work.assignNextItem(ctx, caller, params.projectId),
    myAssignments: ({ caller, params, query }) => myWork(ctx, caller, params.projectId, query),
    myProgress: ({ caller, params, query }) => myProgress(ctx, caller, params.projectId, query),
    getAssignment: ({ caller, params }) => work.getWork(ctx, caller, params.assignmentId),
    saveDraft: ({ caller, params, body }) => work.saveDraft(ctx, caller, params.assignmentId, body),
    submit: ({ caller, params, body }) => work.submit(ctx, caller, params.assignmentId, body),
    skip: ({ caller, params, body }) => work.skip(ctx, caller, params.assignmentId, body),
    returnSkip: ({ caller, params }) => returnSkip(ctx, caller, params.assignmentId),
  }) satisfies Partial<Handlers>;
