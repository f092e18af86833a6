import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody, User } from '../../core/api/users.ts';
import { requireRole } from '../access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { auditUserUpdate } from '../audit/audit-acts.ts';
import { type AppContext, type Caller, iso } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import { AppError, notFound } from '../http/errors.ts';
import { acceptInvitations } from '../projects/invitations.repository.ts';
import { accountRefusal } from './account-access.ts';
import { endAccess } from './user-status.service.ts';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  setStatusOf,
  toUser,
  updateUserRow,
} from './users.repository.ts';

type UserOut = z.input<typeof User>;

export async function createUser(
  ctx: AppContext,
  caller: Caller | null,
  body: z.output<typeof CreateUserBody>,
): Promise<UserOut> {
  // caller null: the local CLI acting on the store directly (it holds the data folder already).
  if (caller) requireRole(caller, 'admin');
  if (await findUserByEmail(ctx.store.db, body.email)) {
    throw new AppError('CONFLICT', `A user with email ${body.email} already exists.`);
  }
  const passwordHash = body.password ? await ctx.passwords.hash(body.password) : null;
  const row = await writeTransaction(ctx.store, async (tx) => {
    const user = await insertUser(tx, { email: body.email, name: body.name, role: body.role, passwordHash });
    await acceptInvitations(tx, user);
    const after = { email: user.email, name: user.name, role: user.role };
    await appendAudit(
      tx,
      caller,
      { action: 'user.create', targetType: 'user', targetId: user.id, targetEmail: user.email, after },
      ctx.clock(),
    );
    return user;
  });
  return toUser(row);
}

export async function updateUser(
  ctx: AppContext,
  caller: Caller,
  userId: number,
  body: z.output<typeof UpdateUserBody>,
): Promise<UserOut> {
  requireRole(caller, 'admin');
  const user = await findUserById(ctx.store.db, userId);
  if (!user) throw notFound('user');
  if (user.modelConnectionId !== null && body.role !== undefined && body.role !== 'annotator')
    throw new AppError('CONFLICT', `${user.name} is a model judge's account; it stays an annotator.`);
  if (userId === caller.id && (body.status === 'suspended' || (body.role && body.role !== 'admin'))) {
    throw new AppError('FORBIDDEN', 'You cannot suspend or demote yourself; ask another admin.');
  }
  const { status, ...fields } = body;
  const window = {
    contractStart: fields.contractStart === undefined ? user.contractStart : fields.contractStart,
    contractEnd: fields.contractEnd === undefined ? user.contractEnd : fields.contractEnd,
  };
  if (
    window.contractStart !== null &&
    window.contractEnd !== null &&
    window.contractEnd <= window.contractStart
  ) {
    // The side this body sets is the one named; the other is quoted as it stands.
    const [path, rule] =
      fields.contractEnd === undefined
        ? ['body.contractStart', `must be earlier than contractEnd (${iso(window.contractEnd)})`]
        : ['body.contractEnd', `must be later than contractStart (${iso(window.contractStart)})`];
    const message = `${path}: ${rule}`;
    throw new AppError('VALIDATION_FAILED', message, [{ path, message }]);
  }
  if (userId === caller.id && accountRefusal({ status: 'active', ...window }, ctx.clock())) {
    throw new AppError(
      'FORBIDDEN',
      'You cannot set a contract window that locks yourself out; ask another admin.',
    );
  }
  await writeTransaction(ctx.store, async (tx) => {
    await updateUserRow(tx, userId, fields);
    await auditUserUpdate(tx, caller, user, body, ctx.clock());
    if (status === 'active') await setStatusOf(tx, [userId], { status: 'active' });
    if (status !== 'suspended') return;
    // Suspension also ends sessions (kept, expired, so the next request is told why); tokens stay
    // but are refused while suspended, since authentication reads the status every time. Password
    // reset links are voided, so none can be a way back in. The user's locks are released at
    // once, so their items do not wait out the lock time (user-status.service.ts).
    await setStatusOf(tx, [userId], { status: 'suspended' });
    await endAccess(tx, [userId], ctx.clock(), false);
  });
  return toUser((await findUserById(ctx.store.db, userId))!);
}

export async function pageUsers(
  ctx: AppContext,
  caller: Caller,
  page: { cursor?: string | undefined; limit: number; q?: string | undefined },
): Promise<{ items: UserOut[]; nextCursor: string | null }> {
  requireRole(caller, 'admin', 'manager');
  const rows = await listUsers(ctx.store.db, {
    afterId: decodeCursor(page.cursor),
    limit: page.limit + 1,
    contains: page.q,
  });
  const shown = pageOf(rows, page.limit, (r) => r.id);
  return { items: shown.items.map(toUser), nextCursor: shown.nextCursor };
}
