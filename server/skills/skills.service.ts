import type { z } from 'zod';
import type {
  CreateSkillBody,
  GrantSkillsBody,
  Skill,
  UpdateSkillBody,
  UserSkills,
} from '../../core/api/skills.ts';
import { requireRole } from '../access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso } from '../context.ts';
import { type Db, writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { findUserById } from '../users/users.repository.ts';
import { notInCatalogue } from './requirements.ts';
import {
  allRequirements,
  deleteSkillRow,
  findSkillRow,
  insertSkill,
  listSkillRows,
  listUserSkillRows,
  type SkillRow,
  updateSkillDescription,
} from './skills.repository.ts';
import {
  grantSkills as grantRows,
  revokeSkill as revokeRow,
  unknownSkills,
} from './user-skills.repository.ts';

/** The skills catalogue and people's skills (docs/skills.md). */

const toSkill = (r: SkillRow): z.input<typeof Skill> => ({ ...r, createdAt: iso(r.createdAt) });

export async function listSkills(ctx: AppContext, _caller: Caller) {
  return { items: (await listSkillRows(ctx.store.db)).map(toSkill) };
}

/** Admins and managers add skills: managers run the projects that need new ones. */
export async function createSkill(ctx: AppContext, caller: Caller, body: z.output<typeof CreateSkillBody>) {
  requireRole(caller, 'admin', 'manager');
  await writeTransaction(ctx.store, async (tx) => {
    const now = ctx.clock();
    const added = await insertSkill(tx, { ...body, createdBy: caller.id, createdAt: now });
    if (!added) throw new AppError('CONFLICT', `The catalogue has a skill named "${body.name}" already.`);
    await appendAudit(
      tx,
      caller,
      { action: 'skill.create', targetType: 'skill', targetId: body.name, after: body },
      now,
    );
  });
  return toSkill((await findSkillRow(ctx.store.db, body.name))!);
}

export async function updateSkill(
  ctx: AppContext,
  caller: Caller,
  name: string,
  body: z.output<typeof UpdateSkillBody>,
) {
  requireRole(caller, 'admin', 'manager');
  await writeTransaction(ctx.store, async (tx) => {
    const before = await findSkillRow(tx, name);
    if (!before) throw notFound('skill');
    await updateSkillDescription(tx, name, body.description);
    await appendAudit(
      tx,
      caller,
      {
        action: 'skill.update',
        targetType: 'skill',
        targetId: name,
        before: { description: before.description },
        after: { description: body.description },
      },
      ctx.clock(),
    );
  });
  return toSkill((await findSkillRow(ctx.store.db, name))!);
}

/** Only admins remove a skill, and only one nobody holds and nothing requires (the refusal says where). */
export async function deleteSkill(ctx: AppContext, caller: Caller, name: string): Promise<null> {
  requireRole(caller, 'admin');
  await writeTransaction(ctx.store, async (tx) => {
    const skill = await findSkillRow(tx, name);
    if (!skill) throw notFound('skill');
    const uses = await usesOf(tx, name);
    const where = [
      ...(skill.holders > 0 ? [`held by ${skill.holders} ${skill.holders === 1 ? 'person' : 'people'}`] : []),
      ...uses.map(
        (u) => `required by ${u.items ? 'items of ' : ''}project "${u.projectName}" (id ${u.projectId})`,
      ),
    ];
    if (where.length > 0)
      throw new AppError('CONFLICT', `Skill "${name}" is in use: ${where.join('; ')}.`, {
        holders: skill.holders,
        requiredBy: uses,
      });
    await deleteSkillRow(tx, name);
    await appendAudit(
      tx,
      caller,
      {
        action: 'skill.delete',
        targetType: 'skill',
        targetId: name,
        before: { description: skill.description },
      },
      ctx.clock(),
    );
  });
  return null;
}

/** The projects whose own or item requirements name the skill (its descendants do not count). */
async function usesOf(db: Db, name: string) {
  const seen = new Map<string, { projectId: number; projectName: string; items: boolean }>();
  for (const r of await allRequirements(db)) {
    if (!Object.hasOwn(JSON.parse(r.text), name)) continue;
    seen.set(`${r.projectId}:${r.items}`, {
      projectId: r.projectId,
      projectName: r.projectName,
      items: r.items,
    });
  }
  return [...seen.values()];
}

/** A user's skills: admins and managers see anyone's, everyone their own. */
export async function userSkills(ctx: AppContext, caller: Caller, userId: number) {
  if (caller.id !== userId) requireRole(caller, 'admin', 'manager');
  return userSkillsOf(ctx.store.db, userId);
}

async function userSkillsOf(db: Db, userId: number): Promise<z.input<typeof UserSkills>> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound('user');
  const rows = await listUserSkillRows(db, userId);
  return {
    userId,
    email: user.email,
    items: rows.map((r) => ({
      skill: r.skill,
      level: r.level as 1 | 2 | 3,
      source: r.source,
      grantedBy: r.grantedById === null ? null : { id: r.grantedById, label: r.grantedByLabel ?? '' },
      assessmentAttemptId: r.assessmentAttemptId,
      grantedAt: iso(r.grantedAt),
    })),
  };
}

/** Grants skills at levels (or changes them), with one audit entry naming the levels before and after. */
export async function grantSkills(
  ctx: AppContext,
  caller: Caller,
  userId: number,
  body: z.output<typeof GrantSkillsBody>,
) {
  requireRole(caller, 'admin', 'manager');
  const skills = Object.entries(body.skills).map(([skill, level]) => ({ skill, level }));
  await writeTransaction(ctx.store, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound('user');
    if (user.modelConnectionId !== null) throw forbidden("A model judge's account holds no skills.");
    const unknown = await unknownSkills(tx, Object.keys(body.skills));
    if (unknown.length > 0) throw notInCatalogue('skills', unknown);
    const now = ctx.clock();
    const before = await grantRows(tx, { userId, skills, source: 'granted', grantedBy: caller.id, now });
    await appendAudit(
      tx,
      caller,
      {
        action: 'skill.grant',
        targetType: 'user',
        targetId: userId,
        targetEmail: user.email,
        before: Object.fromEntries(skills.map((s) => [s.skill, before.get(s.skill) ?? null])),
        after: body.skills,
      },
      now,
    );
  });
  return userSkillsOf(ctx.store.db, userId);
}

export async function revokeSkill(ctx: AppContext, caller: Caller, userId: number, skill: string) {
  requireRole(caller, 'admin', 'manager');
  await writeTransaction(ctx.store, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound('user');
    const had = await revokeRow(tx, userId, skill);
    if (had === undefined) throw notFound('skill held by this user');
    await appendAudit(
      tx,
      caller,
      {
        action: 'skill.revoke',
        targetType: 'user',
        targetId: userId,
        targetEmail: user.email,
        before: { [skill]: had },
        after: { [skill]: null },
      },
      ctx.clock(),
    );
  });
  return userSkillsOf(ctx.store.db, userId);
}
