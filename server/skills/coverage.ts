import type { z } from 'zod';
import type { SkillCoverage } from '../../core/api/skills.ts';
import { satisfies } from '../../core/skills.ts';
import { requireManage } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { notFound } from '../http/errors.ts';
import {
  openItemsByProfile,
  skillsOfWorkingPeople,
  submittersSince,
  workingAnnotators,
} from './coverage.repository.ts';
import { projectSkills } from './routing.repository.ts';
import { requiredSkillsOf } from './routing.ts';
import { ACTIVE_DAYS, requirementsOf, waitingByProfile } from './waiting.ts';

/**
 * Coverage (docs/skills.md, "Coverage"): for each requirement a project's items carry (its own,
 * merged with each item profile's), how many open items wait for a qualified tutor, and how many
 * qualified people there are.
 */

/** GET /api/projects/{id}/skills/coverage, for those who manage the project. */
export async function skillCoverage(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<z.input<typeof SkillCoverage>> {
  const { project } = await requireManageRow(ctx, caller, projectId);
  const db = ctx.store.db;
  const now = ctx.clock();
  const requirements = await requirementsOf(db, project);
  const waiting = await waitingByProfile(db, project, requirements, now);
  const open = await openItemsByProfile(db, projectId);
  const held = await skillsOfWorkingPeople(db, now);
  const members = new Set(await workingAnnotators(db, projectId, now));
  const recent = await submittersSince(db, projectId, now - ACTIVE_DAYS * 86_400_000);
  const rows = new Map<string, z.input<typeof SkillCoverage>['rows'][number]>();
  for (const r of requirements)
    for (const [skill, level] of Object.entries(r.skills)) {
      const key = `${skill}\t${level}`;
      let row = rows.get(key);
      if (!row) {
        const qualified = [...held].filter(([, h]) => satisfies(h, { [skill]: level })).map(([id]) => id);
        const inProject = qualified.filter((id) => members.has(id));
        row = {
          skill,
          level: level as 1 | 2 | 3,
          items: 0,
          waiting: 0,
          qualified: qualified.length,
          members: inProject.length,
          active: inProject.filter((id) => recent.has(id)).length,
        };
        rows.set(key, row);
      }
      row.items += open.get(r.profileId) ?? 0;
      row.waiting += waiting.get(r.profileId) ?? 0;
    }
  let total = 0;
  for (const n of waiting.values()) total += n;
  return {
    requiredSkills: requiredSkillsOf(project) as Record<string, 1 | 2 | 3>,
    waiting: total,
    rows: [...rows.values()].sort((a, b) =>
      a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : a.level - b.level,
    ),
  };
}

async function requireManageRow(ctx: AppContext, caller: Caller, projectId: number) {
  await requireManage(ctx.store.db, caller, projectId);
  const project = await projectSkills(ctx.store.db, projectId);
  if (!project) throw notFound('project');
  return { project };
}
