import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { CreateProjectBody } from '../../core/api/projects.ts';
import type { Role } from '../../core/api/users.ts';
import { tokenCaller } from '../auth/authenticate.ts';
import { deleteSessionsOf } from '../auth/sessions.repository.ts';
import type { AppContext } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { importItems } from '../imports/imports.service.ts';
import { addMember } from '../projects/members.service.ts';
import { createProject } from '../projects/projects.service.ts';
import { findUserByEmail, setPasswordHash, type UserRow } from '../users/users.repository.ts';
import { createUser } from '../users/users.service.ts';
import { countItems, findProjectsNamed } from './demo.repository.ts';

/** The demo's two accounts: the manager creates the projects; the tutor is a member of each. */
export const DEMO_ACCOUNTS = {
  manager: { email: 'manager@demo.example.org', name: 'Demo Manager', role: 'manager' },
  tutor: { email: 'tutor@demo.example.org', name: 'Demo Tutor', role: 'annotator' },
} as const satisfies Record<string, { email: string; name: string; role: Role }>;

/** An example project to load: the body `project create` sends, and its items as JSONL. */
export interface DemoProjectInput {
  body: z.output<typeof CreateProjectBody>;
  items: string;
}

export interface DemoAccountOutcome {
  email: string;
  name: string;
  role: Role;
  created: boolean;
  /** Set when this run chose the password (a new account, or newPasswords); null: unchanged. */
  password: string | null;
}

export interface DemoProjectOutcome {
  id: number;
  name: string;
  items: number;
  /** created: made now; filled: existed empty (an interrupted run) and got its items; kept: left alone. */
  action: 'created' | 'filled' | 'kept';
}

export interface DemoOutcome {
  accounts: DemoAccountOutcome[];
  projects: DemoProjectOutcome[];
}

/**
 * Loads the example projects with a manager and a tutor account; safe to run again. An account
 * that exists is kept with its password (unless `newPasswords`: a new one is set, and its
 * sessions end); a project whose name exists is kept as it is, work and all. Only what is missing
 * is created, so a second run changes nothing.
 */
export async function loadDemo(
  ctx: AppContext,
  projects: readonly DemoProjectInput[],
  opts: { newPasswords: boolean },
): Promise<DemoOutcome> {
  // Both at once: hashing a password is most of the time a first run takes.
  const [manager, tutor] = await Promise.all([
    ensureAccount(ctx, DEMO_ACCOUNTS.manager, opts.newPasswords),
    ensureAccount(ctx, DEMO_ACCOUNTS.tutor, opts.newPasswords),
  ]);
  const names = projects.map((p) => p.body.name);
  const found = await findProjectsNamed(ctx.store.db, names);
  const idOf = new Map<string, number>();
  for (const p of found) if (!idOf.has(p.name)) idOf.set(p.name, p.id);
  const counts = await countItems(ctx.store.db, [...idOf.values()]);
  // The manager account acts, as its API token would: it creates, staffs and fills the projects.
  const caller = tokenCaller(manager.row);
  const outcomes: DemoProjectOutcome[] = [];
  for (const project of projects) {
    const existing = idOf.get(project.body.name);
    if (existing !== undefined && (counts.get(existing) ?? 0) > 0) {
      outcomes.push({ id: existing, name: project.body.name, items: counts.get(existing)!, action: 'kept' });
      continue;
    }
    requireManager(manager.row);
    const id = existing ?? (await createProject(ctx, caller, project.body)).id;
    await addMember(ctx, caller, id, { userId: tutor.row.id, role: 'annotator' });
    await addMember(ctx, caller, id, { userId: manager.row.id, role: 'manager' });
    const result = await importItems(ctx, caller, id, {
      source: once(project.items),
      contentType: undefined,
      format: 'jsonl',
      skipInvalid: false,
    });
    outcomes.push({
      id,
      name: project.body.name,
      items: result.imported,
      action: existing === undefined ? 'created' : 'filled',
    });
  }
  return { accounts: [manager.outcome, tutor.outcome], projects: outcomes };
}

async function ensureAccount(
  ctx: AppContext,
  account: { email: string; name: string; role: Role },
  newPassword: boolean,
): Promise<{ row: UserRow; outcome: DemoAccountOutcome }> {
  const found = await findUserByEmail(ctx.store.db, account.email);
  if (!found) {
    const password = randomPassword();
    await createUser(ctx, null, { ...account, password });
    const row = await findUserByEmail(ctx.store.db, account.email);
    return { row: row!, outcome: { ...account, created: true, password } };
  }
  if (found.status !== 'active') {
    throw new AppError(
      'CONFLICT',
      `The demo account ${account.email} is suspended; reactivate it, or load the demo into a new data folder.`,
    );
  }
  const outcome = { email: account.email, name: found.name, role: found.role, created: false };
  if (!newPassword) return { row: found, outcome: { ...outcome, password: null } };
  const password = randomPassword();
  const passwordHash = await ctx.passwords.hash(password);
  await writeTransaction(ctx.store, async (tx) => {
    await setPasswordHash(tx, found.id, passwordHash);
    await deleteSessionsOf(tx, found.id);
  });
  return { row: found, outcome: { ...outcome, password } };
}

function requireManager(row: UserRow): void {
  if (row.role === 'manager' || row.role === 'admin') return;
  throw new AppError(
    'CONFLICT',
    `The demo account ${row.email} is no longer a manager, so it cannot create the demo's projects; make it a manager again, or load the demo into a new data folder.`,
  );
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** Letters and digits that cannot be mistaken for one another (no i, l, o, 0, 1). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A random password like `k7xq-m2vd-9tpr-hw4e`: 16 characters of 31, about 79 bits. */
export function randomPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
