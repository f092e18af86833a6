import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildTeam, next, seedUser, submit, validAnswers } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * The work log against work with known times: several tutors over several days in two projects
 * (one paid per hour, one per item), reviews with a rejection and its rework, a submission on
 * each side of midnight. Times are set in the store after the work goes through the API (the work
 * loop stamps Date.now, not the context's clock); the log is then summed by tutor and by day and
 * compared with direct counts of the annotations and review events.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const at = (time: string): number => Date.parse(time);
const db = () => h.verity.store.db;

/** Moves an annotation's first submit (and its submission time) to `time`. */
async function setSubmitTime(annotationId: number, time: number) {
  await db().updateTable('annotations').set({ submittedAt: time }).where('id', '=', annotationId).execute();
  await db()
    .updateTable('annotationRevisions')
    .set({ createdAt: time })
    .where('annotationId', '=', annotationId)
    .where('kind', '=', 'submit')
    .execute();
}

/** `who` takes the next item of the project and submits it with `activeMs` at `time`. */
async function work(who: TestUser, projectId: number, time: string, activeMs: number) {
  const got = await next(h, who, projectId);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  const sub = await submit(h, who, got.body.assignment.id, validAnswers, undefined, activeMs);
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  await setSubmitTime(sub.body.annotation.id, at(time));
  return { annotationId: sub.body.annotation.id as number, assignmentId: got.body.assignment.id as number };
}

const log = async (who: TestUser, query: string) => {
  const res = await h.call(who, 'GET', `/api/worklog?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.rows as Row[];
};
interface Row {
  date: string;
  userId: number;
  email: string;
  projectId: number;
  submitted: number;
  reviewed: number;
  rework: number;
  activeMs: number;
  amountCents: number | null;
}
const sumBy = (rows: Row[], key: (r: Row) => string | number, field: keyof Row) => {
  const out = new Map<string | number, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + Number(r[field]));
  return out;
};

describe('the work log', () => {
  let hourly: number;
  let perItem: number;
  let admin: TestUser;
  let projectManager: TestUser;
  let reviewer: TestUser;
  let tutors: TestUser[];
  const rejected: number[] = [];

  beforeAll(async () => {
    const one = await buildTeam(h, { items: 8, annotators: 3, overlap: 3 });
    hourly = one.projectId;
    tutors = one.annotators;
    const two = await buildTeam(h, { items: 8, annotators: 0, overlap: 3 });
    perItem = two.projectId;
    await addMembers(h, two.manager, perItem, [tutors[1]!, tutors[2]!]);
    admin = await seedUser(h.verity, 'admin');
    reviewer = await seedUser(h.verity, 'reviewer');
    projectManager = await seedUser(h.verity, 'annotator');
    for (const [who, role] of [
      [reviewer, 'reviewer'],
      [projectManager, 'manager'],
    ] as const) {
      const res = await h.call(one.manager, 'POST', `/api/projects/${hourly}/members`, {
        userId: who.id,
        role,
      });
      expect(res.status).toBe(201);
    }
    const setPay = async (projectId: number, pay: unknown) => {
      const res = await h.call(admin, 'PATCH', `/api/projects/${projectId}`, { pay });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.pay).toEqual(pay);
    };
    await setPay(hourly, { unit: 'hour', rateCents: 3000, currency: 'USD' });
    await setPay(perItem, { unit: 'item', rateCents: 125, currency: 'EUR' });
    const review = await h.call(admin, 'PATCH', `/api/projects/${hourly}`, { review: { mode: 'all' } });
    expect(review.status).toBe(200);

    const [t1, t2, t3] = tutors as [TestUser, TestUser, TestUser];
    // Day 1 (2026-03-01) and the boundary: t1's last second of the day, t2's first of the next.
    const a = await work(t1, hourly, '2026-03-01T09:00:00.000Z', 3_600_000);
    await work(t1, hourly, '2026-03-01T23:59:59.999Z', 1_800_000);
    await work(t2, hourly, '2026-03-02T00:00:00.000Z', 1000);
    await work(t2, perItem, '2026-03-01T12:00:00.000Z', 40_000);
    await work(t3, perItem, '2026-03-01T13:00:00.000Z', 50_000);
    // Day 2 and 3.
    await work(t3, hourly, '2026-03-02T10:00:00.000Z', 600);
    await work(t2, perItem, '2026-03-02T15:00:00.000Z', 70_000);
    await work(t3, perItem, '2026-03-03T08:00:00.000Z', 20_000);
    await work(t2, perItem, '2026-03-03T09:00:00.000Z', 10_000);

    // The reviewer decides on every submission of the hourly project: t1's first is rejected.
    for (;;) {
      const task = await h.call(reviewer, 'POST', `/api/projects/${hourly}/review/next`);
      if (task.status === 204) break;
      expect(task.status).toBe(200);
      const id = task.body.annotation.id as number;
      const reject = id === a.annotationId;
      const res = await h.call(
        reviewer,
        'POST',
        `/api/projects/${hourly}/review/${id}/${reject ? 'reject' : 'accept'}`,
        {
          revision: task.body.annotation.revision,
          ...(reject ? { comment: 'Look again.' } : {}),
        },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      if (reject) rejected.push(id);
    }
    await db()
      .updateTable('reviewEvents')
      .set({ createdAt: at('2026-03-02T11:00:00.000Z') })
      .execute();
    // t1 reworks on day 3 (the resubmission's 5 s join the annotation's lead time).
    const again = await submit(h, t1, a.assignmentId, validAnswers, undefined, 5000);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    await db()
      .updateTable('annotationRevisions')
      .set({ createdAt: at('2026-03-03T14:00:00.000Z') })
      .where('annotationId', '=', a.annotationId)
      .where('revision', '=', 2)
      .execute();
    await db()
      .updateTable('annotations')
      .set({ submittedAt: at('2026-03-03T14:00:00.000Z') })
      .where('id', '=', a.annotationId)
      .execute();
  });

  const range = 'from=2026-03-01&to=2026-03-03';

  it('reconciles with the annotations and review events, summed by tutor and by day', async () => {
    const rows = await log(admin, range);
    const annotations = await db()
      .selectFrom('annotations')
      .select(['id', 'userId', 'leadTimeMs'])
      .where('status', '=', 'submitted')
      .execute();
    const firstSubmit = new Map<number, number>();
    for (const v of await db()
      .selectFrom('annotationRevisions')
      .select(['annotationId', 'createdAt'])
      .where('kind', '=', 'submit')
      .orderBy('createdAt')
      .execute())
      if (!firstSubmit.has(v.annotationId)) firstSubmit.set(v.annotationId, v.createdAt);
    const events = await db()
      .selectFrom('reviewEvents')
      .select(['reviewerId', 'createdAt', 'outcome'])
      .execute();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

    // By tutor.
    const byTutor = (field: keyof Row) => sumBy(rows, (r) => r.userId, field);
    for (const t of [...tutors, reviewer]) {
      const mine = annotations.filter((a) => a.userId === t.id);
      expect(byTutor('submitted').get(t.id) ?? 0).toBe(mine.length);
      expect(byTutor('activeMs').get(t.id) ?? 0).toBe(mine.reduce((s, a) => s + Number(a.leadTimeMs), 0));
      expect(byTutor('reviewed').get(t.id) ?? 0).toBe(events.filter((e) => e.reviewerId === t.id).length);
    }
    expect(byTutor('rework').get(tutors[0]!.id)).toBe(1);
    // By day.
    const byDay = (field: keyof Row) => sumBy(rows, (r) => r.date, field);
    for (const d of ['2026-03-01', '2026-03-02', '2026-03-03']) {
      const subs = annotations.filter((a) => day(firstSubmit.get(a.id)!) === d);
      expect(byDay('submitted').get(d) ?? 0).toBe(subs.length);
      expect(byDay('activeMs').get(d) ?? 0).toBe(subs.reduce((s, a) => s + Number(a.leadTimeMs), 0));
      expect(byDay('reviewed').get(d) ?? 0).toBe(events.filter((e) => day(Number(e.createdAt)) === d).length);
    }
    expect(byDay('rework')).toEqual(
      new Map([
        ['2026-03-01', 0],
        ['2026-03-02', 0],
        ['2026-03-03', 1],
      ]),
    );
    expect(rejected).toHaveLength(1);
    expect(events.filter((e) => e.outcome === 'rejected')).toHaveLength(1);
    // Everything submitted is in the range: the totals are the store's.
    expect(rows.reduce((s, r) => s + r.submitted, 0)).toBe(annotations.length);
    expect(rows.reduce((s, r) => s + r.reviewed, 0)).toBe(events.length);
  });

  it('puts 23:59:59.999 on its day and 00:00 on the next', async () => {
    const [t1, t2] = tutors as [TestUser, TestUser];
    const first = await log(admin, `from=2026-03-01&to=2026-03-01&project=${hourly}`);
    expect(first.map((r) => [r.userId, r.submitted])).toEqual([[t1.id, 2]]);
    const second = await log(admin, `from=2026-03-02&to=2026-03-02&project=${hourly}`);
    expect(second.find((r) => r.userId === t2.id)?.submitted).toBe(1);
    expect(second.find((r) => r.userId === t1.id)).toBeUndefined();
  });

  it('pays per hour of active time and per item, exactly', async () => {
    const rows = await log(admin, range);
    const row = (who: TestUser, projectId: number, date: string) =>
      rows.find((r) => r.userId === who.id && r.projectId === projectId && r.date === date);
    const [t1, t2, t3] = tutors as [TestUser, TestUser, TestUser];
    // 1 h + 5 s (the rework's) + 30 min at 30.00 an hour: 45.04166… → 45.04.
    expect(row(t1, hourly, '2026-03-01')).toMatchObject({ activeMs: 5_405_000, amountCents: 4504 });
    // 1 s → 0.8333… cents → 1; 600 ms → 0.5 cents → 1 (half up).
    expect(row(t2, hourly, '2026-03-02')?.amountCents).toBe(1);
    expect(row(t3, hourly, '2026-03-02')?.amountCents).toBe(1);
    // Per item: 1.25 a submitted item, whatever the time.
    expect(row(t2, perItem, '2026-03-01')).toMatchObject({ submitted: 1, amountCents: 125 });
    expect(row(t3, perItem, '2026-03-03')).toMatchObject({ submitted: 1, amountCents: 125 });
    // The reviewer's row: reviews, no submissions, nothing earned per hour of lead time.
    expect(row(reviewer, hourly, '2026-03-02')).toMatchObject({ reviewed: 4, submitted: 0, amountCents: 0 });

    const csv = await h.call(admin, 'GET', `/api/worklog.csv?${range}`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,tutor_email,tutor_name,project_id,project,submitted,reviewed,rework,active_minutes,pay_unit,rate,currency,amount',
    );
    expect(lines).toContain(
      `2026-03-01,${t1.email},${t1.email},${hourly},Assignments,2,0,0,90.08,hour,30.00,USD,45.04`,
    );
    const cents = lines.slice(1).map((l) => l.split(',').at(-1)!.replace('.', ''));
    expect(cents.reduce((s, c) => s + Number(c), 0)).toBe(rows.reduce((s, r) => s + (r.amountCents ?? 0), 0));
  });

  it('shows a project manager their projects only and a tutor themself only', async () => {
    const mine = await log(projectManager, range);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.projectId))).toEqual(new Set([hourly]));
    const t2 = tutors[1]!;
    const own = await log(t2, range);
    expect(new Set(own.map((r) => r.userId))).toEqual(new Set([t2.id]));
    expect(new Set(own.map((r) => r.projectId))).toEqual(new Set([hourly, perItem]));
    expect((await log(t2, `${range}&project=${hourly}`)).every((r) => r.userId === t2.id)).toBe(true);
    const elsewhere = await h.call(projectManager, 'GET', `/api/worklog?${range}&project=${perItem}`);
    expect(elsewhere.body.error.code).toBe('NOT_FOUND');
  });

  it("keeps a suspended tutor's rows", async () => {
    const t3 = tutors[2]!;
    const before = (await log(admin, range)).filter((r) => r.userId === t3.id);
    const res = await h.call(admin, 'PATCH', `/api/users/${t3.id}`, { status: 'suspended' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = (await log(admin, range)).filter((r) => r.userId === t3.id);
    expect(after).toEqual(before);
    expect(after.reduce((s, r) => s + r.submitted, 0)).toBe(3);
  });

  it('names the field of a bad range or pay rate; a duplicate keeps the rate, a tutor does not see it', async () => {
    const bad = async (url: string, method = 'GET', body?: unknown) => {
      const res = await h.call(admin, method, url, body);
      expect(res.status).toBe(400);
      return res.body.error.message as string;
    };
    expect(await bad('/api/worklog?from=2026-02-30&to=2026-03-01')).toMatch(/^query\.from: /);
    expect(await bad('/api/worklog?from=2026-03-02&to=2026-03-01')).toMatch(/^query\.to: must not be before/);
    expect(await bad('/api/worklog?from=2025-01-01&to=2026-03-01')).toMatch(/^query\.to: at most 366 days/);
    const url = `/api/projects/${hourly}`;
    expect(await bad(url, 'PATCH', { pay: { unit: 'hour', rateCents: 12.5, currency: 'USD' } })).toMatch(
      /^body\.pay\.rateCents: /,
    );
    expect(await bad(url, 'PATCH', { pay: { unit: 'day', rateCents: 100, currency: 'USD' } })).toMatch(
      /^body\.pay\.unit: /,
    );
    expect(await bad(url, 'PATCH', { pay: { unit: 'item', rateCents: 100, currency: 'usd' } })).toMatch(
      /^body\.pay\.currency: /,
    );
    const copy = await h.call(admin, 'POST', `${url}/duplicate`, { name: 'Next batch' });
    expect(copy.body.pay).toEqual({ unit: 'hour', rateCents: 3000, currency: 'USD' });
    const tutorView = await h.call(tutors[0]!, 'GET', url);
    expect(tutorView.body.pay).toBeNull();
    const cleared = await h.call(admin, 'PATCH', url, { pay: null });
    expect(cleared.body.pay).toBeNull();
    const rows = await log(admin, `${range}&project=${hourly}`);
    expect(rows.every((r) => r.amountCents === null)).toBe(true);
  });
});
