import type { z } from 'zod';
import type { SkillCoverage } from '../../core/api/skills.ts';
import { mergeRequirements, satisfies } from '../../core/skills.ts';
import { requireManage } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import type { Db } from '../db/transaction.ts';
import { notFound } from '../http/errors.ts';
import {
  countUntakeable,
  openItemsByProfile,
  skillsOfWorkingPeople,
  submittersSince,
  workingAnnotators,
} from './coverage.repository.ts';
import { projectSkills, skillProfilesOf } from './routing.repository.ts';
import { requiredSkillsOf } from './routing.ts';

/**
 * Coverage (docs/skills.md, "Coverage"): for each requirement a project's items carry (its own,
 * merged with each item profile's), how many open items wait for a qualified tutor, and how many
 * qualified people there are.
 */

export const ACTIVE_DAYS = 7;

interface Requirement {
  profileId: number | null;
  skills: Record<string, number>;
}

type ProjectSkills = { id: number; requiredSkills: string | null; itemSkills: number };

/** The effective requirement of each kind of item: without a profile (if the project asks anything), and each profile. */
async function requirementsOf(db: Db, p: ProjectSkills): Promise<Requirement[]> {
  const own = requiredSkillsOf(p);
  const out: Requirement[] = [];
  if (Object.keys(own).length > 0) out.push({ profileId: null, skills: mergeRequirements(own) });
  if (p.itemSkills === 1)
    for (const profile of await skillProfilesOf(db, p.id))
      out.push({ profileId: profile.id, skills: mergeRequirements(own, profile.requirements) });
  return out;
}

/** Items waiting for a qualified tutor, by profile id: none of the qualified working annotators can take them. */
async function waitingByProfile(db: Db, p: ProjectSkills, requirements: Requirement[], now: number) {
  const out = new Map<number | null, number>();
  if (requirements.length === 0) return out;
  const members = await workingAnnotators(db, p.id, now);
  const held = await skillsOfWorkingPeople(db, now);
  const none = new Map<string, number>();
  for (const r of requirements) {
    const eligible = members.filter((id) => satisfies(held.get(id) ?? none, r.skills));
    out.set(r.profileId, await countUntakeable(db, { projectId: p.id, profileId: r.profileId, eligible }));
  }
  return out;
}

/** The project's count of items waiting for a qualified tutor (0 when it asks no skill). */
export async function countWaitingForSkills(db: Db, p: ProjectSkills, now: number): Promise<number> {
  const requirements = await requirementsOf(db, p);
  let total = 0;
  for (const n of (await waitingByProfile(db, p, requirements, now)).values()) total += n;
  return total;
}

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
