import { send } from './client.ts';
import type { StoreRun } from './context.ts';
import { progress } from './report.ts';
import { refreshStatistics } from './stores.ts';

/**
 * The roster (docs/roster.md) over PEOPLE people: written straight into the store (accounts,
 * memberships of the bench project, a skill each, and PER_ITEM submitted annotations on each of
 * the project's first ITEMS items, spread over the people), then each query shape asked REPEATS
 * times through HTTP as the admin; the median is reported. `project_with_agreement` adds the
 * judges report's pass over the project's submitted annotations.
 */
const PEOPLE = 10_000;
const ITEMS = 100_000;
const PER_ITEM = 2;
const REPEATS = 5;
const CHUNK = 500;
const TOPICS = ['algebra', 'geometry', 'other'];

async function seed(run: StoreRun): Promise<number> {
  const db = run.store.db;
  const now = Date.now();
  const ids: number[] = [];
  for (let k = 0; k < PEOPLE; k += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, PEOPLE - k) }, (_, j) => ({
      email: `roster-${k + j}@bench.example`,
      name: `Roster person ${k + j}`,
      role: 'annotator' as const,
      status: (k + j) % 50 === 0 ? ('suspended' as const) : ('active' as const),
      passwordHash: null,
      external: 0,
      createdAt: now,
      contractEnd: (k + j) % 7 === 0 ? now + ((k + j) % 90) * 86_400_000 : null,
    }));
    const made = await db.insertInto('users').values(rows).returning('id').execute();
    ids.push(...made.map((r) => r.id));
  }
  const skills = ['math', 'math.algebra', 'code.python', 'lang.fr'];
  await db
    .insertInto('skills')
    .values(skills.map((name) => ({ name, description: name, createdBy: null, createdAt: now })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  for (let k = 0; k < ids.length; k += CHUNK) {
    const chunk = ids.slice(k, k + CHUNK);
    await db
      .insertInto('projectMembers')
      .values(
        chunk.map((userId) => ({
          projectId: run.projectId,
          userId,
          role: 'annotator' as const,
          addedAt: now,
        })),
      )
      .execute();
    await db
      .insertInto('userSkills')
      .values(
        chunk.map((userId, j) => ({
          userId,
          skill: skills[(k + j) % skills.length]!,
          level: 1 + ((k + j) % 3),
          source: 'granted' as const,
          grantedBy: run.admin.id,
          assessmentAttemptId: null,
          grantedAt: now,
        })),
      )
      .execute();
  }
  const items = await db
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', run.projectId)
    .orderBy('id')
    .limit(ITEMS)
    .execute();
  let written = 0;
  for (let k = 0; k < items.length; k += CHUNK / PER_ITEM) {
    const pairs = items.slice(k, k + CHUNK / PER_ITEM).flatMap((item, j) =>
      Array.from({ length: PER_ITEM }, (_, r) => ({
        itemId: item.id,
        userId: ids[((k + j) * PER_ITEM + r * 7919) % ids.length]!,
        at: now - (((k + j) * 37 + r) % 60) * 86_400_000,
      })),
    );
    const assignments = await db
      .insertInto('assignments')
      .values(
        pairs.map((p) => ({
          projectId: run.projectId,
          itemId: p.itemId,
          userId: p.userId,
          status: 'submitted' as const,
          lockExpiresAt: null,
          skipReason: null,
          createdAt: p.at,
          updatedAt: p.at,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('annotations')
      .values(
        pairs.map((p, j) => ({
          assignmentId: assignments[j]!.id,
          itemId: p.itemId,
          projectId: run.projectId,
          userId: p.userId,
          status: 'submitted' as const,
          answers: JSON.stringify({ topic: TOPICS[(p.itemId + j) % 3] }),
          pendingAnswers: null,
          leadTimeMs: 1000 + (j % 50) * 100,
          revision: 1,
          createdAt: p.at,
          updatedAt: p.at,
          submittedAt: p.at,
          editedAt: null,
        })),
      )
      .execute();
    written += pairs.length;
  }
  return written;
}

export async function runRoster(run: StoreRun): Promise<void> {
  const server = run.servers[0]!;
  progress(`roster: writing ${PEOPLE} people and their work`);
  const annotations = await seed(run);
  // As autovacuum would after such a load: PostgreSQL plans with the tables' new sizes.
  await refreshStatistics(run.store);
  progress(`roster: ${PEOPLE} people, ${annotations} submitted annotations; timing the queries`);
  const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const shapes: [string, string][] = [
    ['page_by_name', '/api/roster?limit=50'],
    ['page_by_items_done', '/api/roster?limit=50&sort=itemsDone&order=desc'],
    ['skill_status_page', '/api/roster?skill=math.algebra&minLevel=2&status=active&limit=50'],
    ['last_active_since', `/api/roster?lastActiveSince=${since}&sort=lastActive&order=desc&limit=50`],
    ['search_page', '/api/roster?q=person%2012&limit=50'],
    ['csv_all', '/api/roster.csv'],
    ['project_with_agreement', `/api/roster?project=${run.projectId}&limit=50`],
  ];
  for (const [name, url] of shapes) {
    const times: number[] = [];
    for (let k = 0; k < REPEATS; k++) {
      const started = performance.now();
      const res = await send({ method: 'GET', url: `${server.url}${url}`, token: run.admin.token });
      times.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`roster ${name}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    times.sort((a, b) => a - b);
    run.report.add(`roster.${run.kind}.${name}`, times[Math.floor(times.length / 2)]!, 'ms');
  }
}
