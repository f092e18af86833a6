import fs from 'node:fs';
import { sampleInterface } from '../server/testing/harness.ts';
import { sendJson } from './client.ts';
import type { StoreRun } from './context.ts';
import { measureNext } from './next.ts';
import { progress } from './report.ts';
import type { BenchUser } from './server-child.ts';
import { importLines, OVERLAP } from './setup.ts';

/**
 * The next-item part with routing by skill on (docs/skills.md): a second project, the same items,
 * asking `math` at 1 of everyone; a third of the items also ask `math.algebra` at 2 and a third
 * `code.python` at 1. Every annotator holds `math` at 2 (which covers `math.algebra` at 2); every
 * other one, the solo annotator not among them, holds `code.python` too. So half the claims are
 * filtered in the claim statement (items of the `code.python` profile left out) and half satisfy
 * every profile (read the skills, filter nothing). The figures are named `next_routed.*`, and
 * `next_routed.*.<figure>_ratio_to_off` divides a figure by the same one with routing off.
 */
export async function runNextRouted(
  run: StoreRun,
  itemsFile: string,
  off: Map<string, number>,
): Promise<void> {
  const server = run.servers[0]!;
  const call = <T>(method: 'POST', path: string, json: unknown, status: number) =>
    sendJson<T>({ method, url: `${server.url}${path}`, token: run.admin.token, json }, status);
  for (const name of ['math', 'math.algebra', 'code', 'code.python'])
    await call('POST', '/api/skills', { name }, 201);
  const body = {
    name: 'bench routed',
    interface: sampleInterface,
    overlap: OVERLAP,
    requiredSkills: { math: 1 },
  };
  const { id: projectId } = await call<{ id: number }>('POST', '/api/projects', body, 201);
  progress(`${run.kind}: importing the routed project's items`);
  const lines = fs
    .readFileSync(itemsFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l, i) => {
      const skills = i % 3 === 1 ? { 'math.algebra': 2 } : i % 3 === 2 ? { 'code.python': 1 } : null;
      return skills ? JSON.stringify({ ...JSON.parse(l), skills }) : l;
    });
  for (let at = 0; at < lines.length; at += 50_000)
    await importLines(server, run.admin, projectId, lines.slice(at, at + 50_000));
  const prepare = async (users: BenchUser[]) => {
    for (const [k, u] of users.entries()) {
      const skills = k % 2 === 1 ? { math: 2, 'code.python': 1 } : { math: 2 };
      await call('POST', `/api/users/${u.id}/skills`, { skills }, 200);
    }
  };
  const on = await measureNext(run, { projectId, name: 'next_routed', prefix: 'routed', prepare });
  for (const figure of ['p50', 'p99', 'solo_p50', 'solo_late_p50', 'server_cpu'] as const) {
    const [a, b] = [on.get(figure), off.get(figure)];
    if (a !== undefined && b !== undefined && b > 0)
      run.report.add(`next_routed.${run.kind}.${figure}_ratio_to_off`, a / b, 'ratio');
  }
  const rate = [on.get('saturated_rounds_per_s'), off.get('saturated_rounds_per_s')];
  if (rate[0] && rate[1])
    run.report.add(`next_routed.${run.kind}.saturated_ratio_to_off`, rate[0] / rate[1], 'ratio');
}
