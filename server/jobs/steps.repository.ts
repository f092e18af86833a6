import { sql } from 'kysely';
import type { Store } from '../db/store.ts';
import type { Db, Tx } from '../db/transaction.ts';

/**
 * A runner's statements on single steps (docs/jobs.md): claiming a batch under a lease, renewing
 * the leases (heartbeat), and settling each step: done, back to pending for a retry, failed, or
 * given back. Every write to a step a runner holds checks that it still holds it
 * (`status = 'running' and lease_owner = owner`), so a runner whose lease ran out, or whose
 * step's job was cancelled, writes nothing.
 */

/** A step as its runner took it. */
export interface ClaimedStep {
  id: number;
  jobId: number;
  key: string;
  lane: string | null;
  kind: string;
  /** Attempts begun, this one included. */
  attempts: number;
}

export interface ClaimRequest {
  owner: string;
  now: number;
  leaseMs: number;
  /** At most this many steps. */
  max: number;
  /** Only steps of jobs of these kinds (the ones this runner knows). */
  kinds: readonly string[];
  /** Whether to send steps whose lease ran out back to pending first (not needed on every claim). */
  reclaimLapsed: boolean;
  /** Jobs the runner already knows are running: their status is not written again. */
  startedJobs?: ReadonlySet<number>;
  /** A lane's limit (how many of its steps may run at once over all runners); undefined: not known yet. */
  limitOf(lane: string, kind: string): number | undefined;
}

export interface ClaimOutcome {
  steps: ClaimedStep[];
  /** Lanes met whose limit was not known: none of their steps was taken; ask and claim again. */
  unknownLanes: { lane: string; kind: string }[];
  /** Whether steps were left that this claim could have taken with more room (`max`). */
  more: boolean;
}

/** How many candidates one claim reads per step it may take (others may be in full lanes). */
const OVERREAD = 2;

/**
 * Inside a write transaction: steps whose lease ran out go back to pending, then up to `max`
 * ready steps (pending, run_after passed, of an open job of a known kind) are taken under a
 * lease, honouring lane limits over all runners. SQLite: the transaction holds the write lock,
 * so counts cannot change under it. PostgreSQL: candidates are locked with SKIP LOCKED (another
 * runner's candidates are passed over), and each lane's count is taken under a transaction-level
 * advisory lock on the lane, which every claimer takes before counting, so two claims never both
 * fill the lane's last place.
 */
export async function claimSteps(store: Store, tx: Tx, req: ClaimRequest): Promise<ClaimOutcome> {
  const { now, max, kinds } = req;
  const out: ClaimOutcome = { steps: [], unknownLanes: [], more: false };
  if (max <= 0 || kinds.length === 0) return out;
  if (req.reclaimLapsed)
    await tx
      .updateTable('jobSteps')
      .set({ status: 'pending', leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
      .where('status', '=', 'running')
      .where('leaseExpiresAt', '<', now)
      .execute();
  /** Places left per lane met so far (0: full; -1: limit not known). */
  const room = new Map<string, number>();
  // A few rounds: steps of a full lane at the head of the queue must not hide the others.
  for (let round = 0; round < 3 && out.steps.length < max; round++) {
    const want = max - out.steps.length;
    const closed = [...room].filter(([, n]) => n <= 0).map(([lane]) => lane);
    // After the first round, only where open jobs of other lanes are (a step's lane is its
    // job's): a read past a full lane would otherwise walk all of that lane's pending steps.
    const jobIds = round === 0 ? undefined : await openJobsOutside(tx, req.kinds, closed);
    if (jobIds?.length === 0) break;
    const candidates = await readCandidates(store, tx, req, want * OVERREAD, closed, jobIds);
    out.more = candidates.length === want * OVERREAD;
    await measureLanes(store, tx, req, candidates, room, out);
    const taken: Candidate[] = [];
    let skipped = false;
    for (const c of candidates) {
      if (taken.length >= want) break;
      if (c.lane !== null) {
        const left = room.get(c.lane) ?? 0;
        if (left <= 0) {
          skipped = true;
          continue;
        }
        room.set(c.lane, left - 1);
      }
      taken.push(c);
    }
    await take(tx, req, taken, out);
    if (!skipped || candidates.length < want * OVERREAD) break;
  }
  return out;
}

type Candidate = Awaited<ReturnType<typeof readCandidates>>[number];

/** Ready steps in queue order, outside the `closed` lanes; PostgreSQL locks them, skipping locked ones. */
async function readCandidates(
  store: Store,
  tx: Tx,
  req: ClaimRequest,
  limit: number,
  closed: readonly string[],
  jobIds: readonly number[] | undefined,
) {
  // A cross join with the condition in WHERE: SQLite then walks the steps first, in the order of
  // the partial index of pending steps (run_after, id), instead of all open jobs' pending steps
  // and a sort; PostgreSQL plans it as the inner join it is.
  let query = tx
    .selectFrom('jobSteps as s')
    .crossJoin('jobs as j')
    .whereRef('j.id', '=', 's.jobId')
    .select(['s.id', 's.jobId', 's.key', 's.lane', 's.attempts', 'j.kind'])
    .where('s.status', '=', 'pending')
    .where('s.runAfter', '<=', req.now)
    .where('j.kind', 'in', req.kinds)
    .where('j.status', 'in', ['queued', 'running'])
    .orderBy('s.runAfter')
    .orderBy('s.id')
    .limit(limit);
  if (closed.length > 0)
    query = query.where((eb) => eb.or([eb('s.lane', 'is', null), eb('s.lane', 'not in', closed)]));
  if (jobIds) query = query.where('s.jobId', 'in', [...jobIds]);
  if (store.kind === 'postgres') query = query.forUpdate('s').skipLocked();
  return query.execute();
}

/** Open jobs of the kinds whose lane is not one of `closed` (a few: the jobs table's open ones). */
async function openJobsOutside(tx: Tx, kinds: readonly string[], closed: readonly string[]) {
  let query = tx
    .selectFrom('jobs')
    .select('id')
    .where('status', 'in', ['queued', 'running'])
    .where('kind', 'in', kinds);
  if (closed.length > 0)
    query = query.where((eb) => eb.or([eb('lane', 'is', null), eb('lane', 'not in', closed)]));
  return (await query.execute()).map((j) => Number(j.id));
}

/**
 * Finds the places left in each lane met for the first time. Lanes in a fixed order, so two
 * claimers take their advisory locks in the same order.
 */
async function measureLanes(
  store: Store,
  tx: Tx,
  req: ClaimRequest,
  candidates: readonly Candidate[],
  room: Map<string, number>,
  out: ClaimOutcome,
): Promise<void> {
  const lanes = [...new Set(candidates.flatMap((c) => (c.lane === null ? [] : [c.lane])))]
    .filter((lane) => !room.has(lane))
    .sort();
  for (const lane of lanes) {
    const kind = candidates.find((c) => c.lane === lane)!.kind;
    const limit = req.limitOf(lane, kind);
    if (limit === undefined) {
      out.unknownLanes.push({ lane, kind });
      room.set(lane, -1);
      continue;
    }
    if (store.kind === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtextextended(${`verity-lane:${lane}`}, 0))`.execute(tx);
    const running = await tx
      .selectFrom('jobSteps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'running')
      .where('lane', '=', lane)
      .executeTakeFirstOrThrow();
    room.set(lane, Math.max(0, limit - Number(running.n)));
  }
}

/** Leases the chosen steps to the owner and marks their jobs running. */
async function take(tx: Tx, req: ClaimRequest, taken: readonly Candidate[], out: ClaimOutcome) {
  if (taken.length === 0) return;
  const { now } = req;
  await tx
    .updateTable('jobSteps')
    .set((eb) => ({
      status: 'running',
      leaseOwner: req.owner,
      leaseExpiresAt: now + req.leaseMs,
      attempts: eb('attempts', '+', 1),
      updatedAt: now,
    }))
    .where(
      'id',
      'in',
      taken.map((c) => c.id),
    )
    .execute();
  const jobIds = [...new Set(taken.map((c) => Number(c.jobId)))]
    .filter((id) => !req.startedJobs?.has(id))
    .sort((a, b) => a - b);
  if (jobIds.length > 0)
    await tx
      .updateTable('jobs')
      .set({ status: 'running', startedAt: now, updatedAt: now })
      .where('id', 'in', jobIds)
      .where('status', '=', 'queued')
      .execute();
  for (const c of taken)
    out.steps.push({
      id: Number(c.id),
      jobId: Number(c.jobId),
      key: c.key,
      lane: c.lane,
      kind: c.kind,
      attempts: c.attempts + 1,
    });
}

/**
 * The heartbeat: extends the leases the owner still holds among `ids`; returns those. A step
 * missing from the answer was cancelled, or taken by another runner after its lease ran out.
 */
export async function renewLeases(
  db: Db,
  owner: string,
  ids: readonly number[],
  expiresAt: number,
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .updateTable('jobSteps')
    .set({ leaseExpiresAt: expiresAt })
    .where('id', 'in', ids)
    .where('status', '=', 'running')
    .where('leaseOwner', '=', owner)
    .returning('id')
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

const held = (owner: string, id: number) => (tx: Tx) =>
  tx
    .updateTable('jobSteps')
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('leaseOwner', '=', owner);

/**
 * Marks a step done with its result (JSON text), if the owner still holds it; returns whether it
 * did. The caller writes the step's outcome (the kind's commit) in the same transaction only
 * then, so the outcome is written exactly once.
 */
export async function markDone(
  tx: Tx,
  owner: string,
  id: number,
  result: string | null,
  now: number,
): Promise<boolean> {
  const row = await held(
    owner,
    id,
  )(tx)
    .set({ status: 'done', result, error: null, leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * markDone for many steps at once; returns the ids the owner still held (and marked). PostgreSQL:
 * one statement over unnest() (each statement is a round trip); SQLite: one each (in process).
 */
export async function markDoneMany(
  store: Store,
  tx: Tx,
  owner: string,
  steps: readonly { id: number; result: string | null }[],
  now: number,
): Promise<Set<number>> {
  const marked = new Set<number>();
  if (steps.length === 0) return marked;
  if (store.kind === 'sqlite') {
    for (const st of steps) if (await markDone(tx, owner, st.id, st.result, now)) marked.add(st.id);
    return marked;
  }
  const ids = steps.map((st) => st.id);
  const results = steps.map((st) => st.result);
  const rows = await sql<{ id: number }>`update job_steps as s
    set status = 'done', result = u.result, error = null, lease_owner = null,
      lease_expires_at = null, updated_at = ${now}
    from unnest(${ids}::bigint[], ${results}::text[]) as u(id, result)
    where s.id = u.id and s.status = 'running' and s.lease_owner = ${owner}
    returning s.id`.execute(tx);
  for (const r of rows.rows) marked.add(Number(r.id));
  return marked;
}

/** Marks a held step failed with its error; returns whether the owner still held it. */
export async function markFailed(
  tx: Tx,
  owner: string,
  id: number,
  error: string,
  now: number,
): Promise<boolean> {
  const row = await held(
    owner,
    id,
  )(tx)
    .set({ status: 'failed', error, leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Sends a held step back to pending, not to be taken before `runAfter`, with its attempt's error. */
export async function markRetry(
  tx: Tx,
  owner: string,
  id: number,
  error: string,
  runAfter: number,
  now: number,
): Promise<boolean> {
  const row = await held(
    owner,
    id,
  )(tx)
    .set({ status: 'pending', error, runAfter, leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Gives back held steps the runner will not finish (it is stopping): pending again at once, the
 * attempt they began not counted.
 */
export async function releaseSteps(db: Db, owner: string, ids: readonly number[], now: number) {
  if (ids.length === 0) return;
  await db
    .updateTable('jobSteps')
    .set((eb) => ({
      status: 'pending',
      leaseOwner: null,
      leaseExpiresAt: null,
      attempts: eb('attempts', '-', 1),
      updatedAt: now,
    }))
    .where('id', 'in', ids)
    .where('status', '=', 'running')
    .where('leaseOwner', '=', owner)
    .execute();
}

/**
 * Whether a claim could take something now: a ready pending step of a known kind, or a step
 * whose lease ran out. A read, so an idle runner's polls write nothing.
 */
export async function hasClaimable(db: Db, now: number, kinds: readonly string[]): Promise<boolean> {
  if (kinds.length === 0) return false;
  const ready = await db
    .selectFrom('jobSteps as s')
    .crossJoin('jobs as j')
    .whereRef('j.id', '=', 's.jobId')
    .select('s.id')
    .where('s.status', '=', 'pending')
    .where('s.runAfter', '<=', now)
    .where('j.kind', 'in', kinds)
    .where('j.status', 'in', ['queued', 'running'])
    .limit(1)
    .executeTakeFirst();
  if (ready) return true;
  const lapsed = await db
    .selectFrom('jobSteps')
    .select('id')
    .where('status', '=', 'running')
    .where('leaseExpiresAt', '<', now)
    .limit(1)
    .executeTakeFirst();
  return lapsed !== undefined;
}
