import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTeam,
  claimProblems,
  claimsOf,
  expireLock,
  next,
  saveDraft,
  skip,
  submit,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * Model-based test: random sequences of next / draft / submit / skip / expire by a few annotators,
 * an admin suspending and restoring them, and their manager's bulk actions on one item (set its
 * priority, return it to the queue, delete it),
 * run against the real server and against a small model of the rules. After every step the
 * server must have answered what the model predicts, and the store must satisfy the claim
 * invariants.
 */

const ITEMS = 4;
const USERS = 3;

type Status = 'locked' | 'submitted' | 'skipped' | 'expired';
interface ModelAssignment {
  id: number;
  itemId: number;
  user: number;
  status: Status;
  /** Its lock time ran out, but no request has swept it to expired yet. */
  overdue: boolean;
}

/** `pick` chooses one of the user's assignments: 0 their current lock, others any they have. */
type Command =
  | { kind: 'next'; user: number }
  | { kind: 'suspend'; user: number }
  | { kind: 'restore'; user: number }
  | { kind: 'priority'; item: number; priority: number }
  | { kind: 'requeue' | 'delete'; item: number }
  | { kind: 'draft' | 'submit' | 'skip' | 'expire'; user: number; pick: number };

const user = fc.nat(USERS - 1);
const pick = fc.oneof(fc.constant(0), fc.nat(5));
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('next' as const), user }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('submit' as const), user, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('expire' as const), user, pick: fc.constant(0) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('draft' as const, 'skip' as const), user, pick }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('suspend' as const, 'restore' as const), user }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({
        kind: fc.constant('priority' as const),
        item: fc.nat(ITEMS - 1),
        priority: fc.integer({ min: 0, max: 3 }),
      }),
      fc.record({ kind: fc.constantFrom('requeue' as const, 'delete' as const), item: fc.nat(ITEMS - 1) }),
    ),
  },
);

class Model {
  readonly assignments: ModelAssignment[] = [];
  readonly suspended = new Set<number>();
  constructor(
    readonly overlap: number,
    public items: { id: number; priority: number }[],
  ) {}

  live(itemId: number): number {
    return this.assignments.filter(
      (a) => a.itemId === itemId && (a.status === 'locked' || a.status === 'submitted'),
    ).length;
  }
  free(itemId: number): boolean {
    return this.live(itemId) < this.overlap;
  }
  /**
   * What every next does first, and a draft or submit whose own lock is not live: overdue locks
   * expire and free their slots.
   */
  sweep(): void {
    for (const a of this.assignments) {
      if (a.status === 'locked' && a.overdue) {
        a.status = 'expired';
        a.overdue = false;
      }
    }
  }
  held(user: number): ModelAssignment | undefined {
    return this.assignments
      .filter((a) => a.user === user && a.status === 'locked')
      .sort((x, y) => x.id - y.id)[0];
  }
  /** The item `next` must claim for `user`: priority first, then import order. */
  claimable(user: number): number | undefined {
    const touched = (itemId: number) =>
      this.assignments.some((a) => a.itemId === itemId && a.user === user && a.status !== 'expired');
    return [...this.items]
      .sort((x, y) => y.priority - x.priority || x.id - y.id)
      .find((i) => this.free(i.id) && !touched(i.id))?.id;
  }
  /** Suspension releases every lock the user holds, overdue or not; their drafts stay. */
  suspend(user: number): void {
    this.suspended.add(user);
    for (const a of this.assignments) {
      if (a.user === user && a.status === 'locked') {
        a.status = 'expired';
        a.overdue = false;
      }
    }
  }
  /** A bulk requeue: live locks (overdue or not) end and skips are returned; submissions stay. */
  requeue(itemId: number): void {
    for (const a of this.assignments) {
      if (a.itemId === itemId && (a.status === 'locked' || a.status === 'skipped')) {
        a.status = 'expired';
        a.overdue = false;
      }
    }
  }
  /** A bulk delete: the item goes, with every assignment on it. */
  delete(itemId: number): void {
    this.items = this.items.filter((i) => i.id !== itemId);
    for (let k = this.assignments.length - 1; k >= 0; k--) {
      if (this.assignments[k]!.itemId === itemId) this.assignments.splice(k, 1);
    }
  }
  /** Revives the caller's expired lock if a slot is free, as draft and submit do. */
  relock(a: ModelAssignment): void {
    if (a.status === 'expired' && this.free(a.itemId)) a.status = 'locked';
    if (a.status === 'locked') a.overdue = false;
  }
}

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
});
afterAll(async () => h.close());

async function run(overlap: number, priorities: number[], commands: Command[]): Promise<void> {
  const team = await buildTeam(h, {
    overlap,
    allowEditSubmitted: true,
    items: priorities.map((priority) => ({ priority })),
    annotators: USERS,
  });
  const model = new Model(
    overlap,
    team.itemIds.map((id, i) => ({ id, priority: priorities[i]! })),
  );
  for (const [step, c] of commands.entries()) {
    const at = `step ${step} ${JSON.stringify(c)}`;
    if ('item' in c) {
      await manage(team, model, c, at);
      expect(await claimProblems(h, team.projectId, overlap), at).toEqual([]);
      continue;
    }
    const who = team.annotators[c.user]!;
    if (c.kind === 'suspend' || c.kind === 'restore') {
      const status = c.kind === 'suspend' ? 'suspended' : 'active';
      const res = await h.call(admin, 'PATCH', `/api/users/${who.id}`, { status });
      expect(res.status, at).toBe(200);
      if (c.kind === 'suspend') model.suspend(c.user);
      else model.suspended.delete(c.user);
    } else if (model.suspended.has(c.user)) {
      const res = await next(h, who, team.projectId);
      expect([res.status, res.body.error?.code], at).toEqual([403, 'ACCOUNT_SUSPENDED']);
    } else if (c.kind === 'next') {
      model.sweep();
      const held = model.held(c.user);
      const itemId = held ? held.itemId : model.claimable(c.user);
      const res = await next(h, who, team.projectId);
      if (itemId === undefined) {
        expect(res.status, at).toBe(204);
        continue;
      }
      expect(res.status, at).toBe(200);
      expect(res.body.item.id, at).toBe(itemId);
      const known = model.assignments.find((a) => a.itemId === itemId && a.user === c.user);
      if (known) {
        expect(res.body.assignment.id, at).toBe(known.id);
        known.status = 'locked';
        known.overdue = false;
      } else {
        model.assignments.push({
          id: res.body.assignment.id,
          itemId,
          user: c.user,
          status: 'locked',
          overdue: false,
        });
      }
    } else {
      const mine = model.assignments.filter((a) => a.user === c.user);
      const a = (c.pick === 0 ? model.held(c.user) : undefined) ?? mine[c.pick % Math.max(1, mine.length)];
      if (!a) continue;
      if (c.kind === 'expire') {
        if (a.status !== 'locked') continue;
        await expireLock(h, a.id);
        a.overdue = true;
      } else if (c.kind === 'skip') {
        const res = await skip(h, who, a.id);
        if (a.status === 'submitted') {
          expect([res.status, res.body.error?.code], at).toEqual([409, 'ALREADY_SUBMITTED']);
        } else {
          expect(res.status, at).toBe(200);
          a.status = 'skipped';
          a.overdue = false;
        }
      } else {
        const res =
          c.kind === 'draft'
            ? await saveDraft(h, who, a.id, { topic: 'other' })
            : await submit(h, who, a.id, validAnswers);
        if (a.status === 'skipped') {
          expect([res.status, res.body.error?.code], at).toEqual([409, 'ASSIGNMENT_CLOSED']);
        } else if (a.status === 'submitted') {
          expect(res.status, at).toBe(200);
        } else {
          // A live lock is renewed or submitted at once; otherwise overdue locks are swept first.
          if (a.status !== 'locked' || a.overdue) model.sweep();
          model.relock(a);
          if (c.kind === 'draft') {
            expect(res.status, at).toBe(200);
            expect(res.body.assignment.status, at).toBe(a.status);
          } else if (a.status === 'locked') {
            expect(res.status, at).toBe(200);
            a.status = 'submitted';
          } else {
            expect([res.status, res.body.error?.code], at).toEqual([409, 'LOCK_EXPIRED']);
          }
        }
      }
    }
    expect(await claimProblems(h, team.projectId, overlap), at).toEqual([]);
    const stored = (await claimsOf(h, team.projectId))
      .map((r) => `${r.itemId}/${r.userId}:${r.status}`)
      .sort();
    const modelled = model.assignments
      .map((a) => `${a.itemId}/${team.annotators[a.user]!.id}:${a.status}`)
      .sort();
    expect(stored, at).toEqual(modelled);
  }
}

/** The manager's bulk action on one item; an item already deleted is refused, changing nothing. */
async function manage(
  team: Awaited<ReturnType<typeof buildTeam>>,
  model: Model,
  c: Extract<Command, { item: number }>,
  at: string,
): Promise<void> {
  const itemId = team.itemIds[c.item]!;
  const body =
    c.kind === 'priority'
      ? { action: c.kind, ids: [itemId], priority: c.priority }
      : { action: c.kind, ids: [itemId] };
  const res = await h.call(team.manager, 'POST', `/api/projects/${team.projectId}/items/actions`, body);
  const item = model.items.find((i) => i.id === itemId);
  if (!item) {
    expect([res.status, res.body.error?.code], at).toEqual([400, 'VALIDATION_FAILED']);
    return;
  }
  expect(res.status, at).toBe(200);
  if (c.kind === 'priority') item.priority = c.priority;
  else if (c.kind === 'requeue') model.requeue(itemId);
  else model.delete(itemId);
}

describe('assignment model', () => {
  it('agrees with the server on every answer and keeps the claim invariants, for random sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: ITEMS, maxLength: ITEMS }),
        fc.array(commandArb, { minLength: 5, maxLength: 40 }),
        run,
      ),
      { numRuns: 30 },
    );
  });
});
