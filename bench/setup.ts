import { Readable } from 'node:stream';
import { sampleInterface } from '../server/testing/harness.ts';
import { send, sendJson } from './client.ts';
import type { BenchUser } from './server-child.ts';
import type { ServerChild } from './servers.ts';

/** Every part works on one project of the run: sampleInterface, overlap 3, sequential order. */
export const OVERLAP = 3;

export async function createProject(server: ServerChild, admin: BenchUser): Promise<number> {
  const body = { name: 'bench', interface: sampleInterface, overlap: OVERLAP };
  const project = await sendJson<{ id: number }>(
    { method: 'POST', url: `${server.url}/api/projects`, token: admin.token, json: body },
    201,
  );
  return project.id;
}

/** Adds the users as annotators of the project through the members route, a few at a time. */
export async function addAnnotators(
  server: ServerChild,
  admin: BenchUser,
  projectId: number,
  users: BenchUser[],
): Promise<void> {
  const queue = [...users];
  const worker = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      await sendJson(
        {
          method: 'POST',
          url: `${server.url}/api/projects/${projectId}/members`,
          token: admin.token,
          json: { userId: u.id, role: 'annotator' },
        },
        201,
      );
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Imports JSONL lines into the project through the items route; throws naming the answer on failure. */
export async function importLines(
  server: ServerChild,
  admin: BenchUser,
  projectId: number,
  lines: readonly string[],
): Promise<void> {
  const reply = await send({
    method: 'POST',
    url: `${server.url}/api/projects/${projectId}/items`,
    token: admin.token,
    stream: Readable.from([Buffer.from(`${lines.join('\n')}\n`)]),
    contentType: 'application/x-ndjson',
  });
  if (reply.status !== 201) throw new Error(`import failed: ${reply.status} ${reply.text.slice(0, 500)}`);
}
