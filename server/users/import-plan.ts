import type { z } from 'zod';
import type { ImportLinePlan } from '../../core/api/user-import.ts';
import type { ImportLine, LineError } from '../../core/users-csv.ts';
import { type Caller, isoOrNull } from '../context.ts';
import type { Db } from '../db/transaction.ts';
import { heldSkillsOf, unknownSkills } from '../skills/user-skills.repository.ts';
import { membershipsOf, projectsByIdsOrNames } from './import.repository.ts';
import { findUsersByEmailsOrIds, type UserRow } from './users.repository.ts';

type Role = UserRow['role'];
export type LinePlan = Omit<z.input<typeof ImportLinePlan>, 'inviteUrl'>;

/** A line's plan with what applying it needs: the account as it is, and the resolved values. */
export interface Planned {
  plan: LinePlan;
  user: UserRow | undefined;
  name: string;
  role: Role;
  contractStart: number | null;
  contractEnd: number | null;
}

const isId = (ref: string) => /^\d{1,15}$/.test(ref);

/**
 * Decides what each line does to the store as it is now (docs/onboarding.md, "What a line
 * changes"), or every reason it cannot: the same function for a dry run and, inside the applying
 * transaction, for the run that applies it, so both report the same plan.
 */
export async function planImport(
  db: Db,
  caller: Caller,
  lines: readonly ImportLine[],
): Promise<{ planned: Planned[]; errors: LineError[] }> {
  const errors: LineError[] = [];
  const users = await findUsersByEmailsOrIds(
    db,
    lines.map((l) => l.email),
    [],
  );
  const byEmail = new Map(users.map((u) => [u.email!, u]));
  const ids = users.map((u) => u.id);
  const [held, members] = await Promise.all([heldSkillsOf(db, ids), membershipsOf(db, ids)]);
  const unknown = new Set(
    await unknownSkills(
      db,
      lines.flatMap((l) => l.skills.map((s) => s.skill)),
    ),
  );
  const refs = [...new Set(lines.flatMap((l) => l.projects.map((p) => p.ref)))];
  const projects = await projectsByIdsOrNames(db, refs.filter(isId).map(Number), refs);
  const resolve = (ref: string) =>
    isId(ref) && projects.some((p) => p.id === Number(ref))
      ? projects.filter((p) => p.id === Number(ref))
      : projects.filter((p) => p.name === ref);

  const planned: Planned[] = [];
  for (const l of lines) {
    const before = errors.length;
    const fail = (column: LineError['column'], message: string) =>
      errors.push({ line: l.line, column, message });
    const user = byEmail.get(l.email);
    if (user && user.modelConnectionId !== null) fail('email', `${l.email} is a model judge's account`);
    if (!user && l.name === undefined) fail('name', 'is required for a new account');
    if (user?.id === caller.id && l.role !== undefined && l.role !== user.role)
      fail('role', 'you cannot change your own role; ask another admin');
    if (user?.id === caller.id && (l.contractStart !== undefined || l.contractEnd !== undefined))
      fail('contract_start', 'you cannot set your own contract window; ask another admin');
    for (const s of l.skills)
      if (unknown.has(s.skill)) fail('skills', `no skill "${s.skill}" in the catalogue`);
    const memberships: LinePlan['memberships'] = [];
    for (const p of l.projects) {
      const found = resolve(p.ref);
      if (found.length === 0)
        fail(
          'projects',
          isId(p.ref) ? `no project with id ${p.ref}` : `no project named "${p.ref.slice(0, 80)}"`,
        );
      else if (found.length > 1)
        fail('projects', `${found.length} projects are named "${p.ref.slice(0, 80)}"; use its id`);
      else {
        const from = members.get(user?.id ?? 0)?.get(found[0]!.id) ?? null;
        if (from !== p.role)
          memberships.push({ projectId: found[0]!.id, project: found[0]!.name, from, to: p.role });
      }
    }
    const contractStart = l.contractStart === undefined ? (user?.contractStart ?? null) : l.contractStart;
    const contractEnd = l.contractEnd === undefined ? (user?.contractEnd ?? null) : l.contractEnd;
    if (contractStart !== null && contractEnd !== null && contractEnd <= contractStart)
      fail(
        l.contractEnd === undefined ? 'contract_start' : 'contract_end',
        `the window would end before it starts (${isoOrNull(contractStart)} to ${isoOrNull(contractEnd)})`,
      );
    if (errors.length > before) continue;
    const name = l.name ?? user!.name;
    const role = l.role ?? user?.role ?? 'annotator';
    const heldNow = held.get(user?.id ?? 0);
    const plan: LinePlan = {
      line: l.line,
      email: l.email,
      action: user ? 'update' : 'create',
      userId: user?.id ?? null,
      skills: l.skills
        .map((s) => ({ skill: s.skill, from: heldNow?.get(s.skill) ?? null, to: s.level }))
        .filter((s) => s.from !== s.to),
      memberships,
    };
    const change = <T>(from: T | null, to: T | null) => (from === to ? undefined : { from, to });
    const fields = {
      name: change(user?.name ?? null, name),
      role: change(user?.role ?? null, role),
      contractStart: change(isoOrNull(user?.contractStart ?? null), isoOrNull(contractStart)),
      contractEnd: change(isoOrNull(user?.contractEnd ?? null), isoOrNull(contractEnd)),
    };
    for (const [key, value] of Object.entries(fields)) if (value) Object.assign(plan, { [key]: value });
    const changed = Object.values(fields).some(Boolean) || plan.skills.length > 0 || memberships.length > 0;
    if (user && !changed) plan.action = 'unchanged';
    planned.push({ plan, user, name, role, contractStart, contractEnd });
  }
  return { planned, errors };
}
