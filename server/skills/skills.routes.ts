import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { skillCoverage } from './coverage.ts';
import * as skills from './skills.service.ts';

export const skillHandlers = (ctx: AppContext) =>
  ({
    listSkills: ({ caller }) => skills.listSkills(ctx, caller),
    createSkill: ({ caller, body }) => skills.createSkill(ctx, caller, body),
    updateSkill: ({ caller, params, body }) => skills.updateSkill(ctx, caller, params.name, body),
    deleteSkill: ({ caller, params }) => skills.deleteSkill(ctx, caller, params.name),
    userSkills: ({ caller, params }) => skills.userSkills(ctx, caller, params.userId),
    grantSkills: ({ caller, params, body }) => skills.grantSkills(ctx, caller, params.userId, body),
    revokeSkill: ({ caller, params }) => skills.revokeSkill(ctx, caller, params.userId, params.name),
    skillCoverage: ({ caller, params }) => skillCoverage(ctx, caller, params.projectId),
  }) satisfies Partial<Handlers>;
