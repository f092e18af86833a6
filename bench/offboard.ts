import { send, sendJson } from './client.ts';
import type { StoreRun } from './context.ts';
import { progress } from './report.ts';
import { addAnnotators, importLines } from './setup.ts';

/**
 * Bulk offboarding (docs/users.md, "Suspension and offboarding"): TUTORS tutors each take an item
 * (a live lock) through the API, then one call suspends them all (`POST /api/users/status`).
 * Reports the call's time, and how soon after it answered their items are claimable: the time to
 * the first successful claim by another tutor, and to CHECKERS claims by CHECKERS other tutors,
 * each of which must be one of the freed items (the project has no other).
 */
const TUTORS = 500;
const CHECKERS = 20;

export async function runOffboard(run: StoreRun): Promise<void> {
  const server = run.servers[0]!;
  const tutors = await server.createUsers('annotator', TUTORS, 'offboard');
  const checkers = await server.createUsers('annotator', CHECKERS, 'offboard-check');
  const project = await sendJson<{ id: number }>(
    {
      method: 'POST',
      url: `${server.url}/api/projects`,
      token: run.admin.token,
      json: {
        name: 'bulk offboarding',
        interface: {
          fields: [{ name: 'text', type: 'text' }],
          questions: [{ name: 'label', type: 'choice', options: ['a', 'b'] }],
        },
        overlap: 1,
      },
    },
    201,
  );
  const lines = tutors.map((_, k) => JSON.stringify({ data: { text: `task ${k}` } }));
  await importLines(server, run.admin, project.id, lines);
  await addAnnotators(server, run.admin, project.id, [...tutors, ...checkers]);
  const claim = (token: string) =>
    send({ method: 'POST', url: `${server.url}/api/projects/${project.id}/assignments/next`, token });
  for (let k = 0; k < tutors.length; k += 25)
    await Promise.all(
      tutors.slice(k, k + 25).map(async (t) => {
        const res = await claim(t.token);
        if (res.status !== 200) throw new Error(`next: ${res.status} ${res.text.slice(0, 200)}`);
      }),
    );
  const none = await claim(checkers[0]!.token);
  if (none.status !== 204) throw new Error(`expected no free item before the suspension, got ${none.status}`);
  progress(`offboard: ${TUTORS} tutors hold a lock each; suspending them in one call`);

  const started = performance.now();
  const report = await sendJson<{ changed: number; locksReleased: number }>(
    {
      method: 'POST',
      url: `${server.url}/api/users/status`,
      token: run.admin.token,
      json: { action: 'suspend', emails: tutors.map((t) => t.email) },
    },
    200,
  );
  const answered = performance.now();
  if (report.changed !== TUTORS || report.locksReleased !== TUTORS)
    throw new Error(`suspended ${report.changed}, released ${report.locksReleased}`);
  const first = await claim(checkers[0]!.token);
  const firstAt = performance.now();
  if (first.status !== 200) throw new Error(`first claim after the suspension: ${first.status}`);
  const rest = await Promise.all(checkers.slice(1).map((c) => claim(c.token)));
  const allAt = performance.now();
  if (rest.some((r) => r.status !== 200)) throw new Error('a claim after the suspension found no item');
  run.report.add(`offboard.${run.kind}.suspend_500`, answered - started, 'ms');
  run.report.add(`offboard.${run.kind}.first_claim_after`, firstAt - answered, 'ms');
  run.report.add(`offboard.${run.kind}.claims_${CHECKERS}_after`, allAt - answered, 'ms');
}
