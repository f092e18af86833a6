import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as assessments from './assessments.service.ts';

export const assessmentHandlers = (ctx: AppContext) =>
  ({
    listMyAssessments: ({ caller }) => assessments.listMyAssessments(ctx, caller),
    startAssessmentAttempt: ({ caller, params }) => assessments.startAttempt(ctx, caller, params.projectId),
    assessmentAttempts: ({ caller, params }) => assessments.assessmentAttempts(ctx, caller, params.projectId),
  }) satisfies Partial<Handlers>;
