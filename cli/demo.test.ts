import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerity, freshStoreConfig, type Verity } from '../server/testing/harness.ts';
import { readDemoProjects } from './demo/content.ts';
import { runCli, storeEnv } from './test-support.ts';

let store: Awaited<ReturnType<typeof freshStoreConfig>>;
let env: Record<string, string>;
beforeAll(async () => {
  store = await freshStoreConfig();
  env = storeEnv(store.config);
});
afterAll(async () => store.cleanup());

const shipped = readDemoProjects();
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The passwords a text report shows, by account ("tutor", "manager"); absent when unchanged. */
function passwordsIn(stdout: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of stdout.matchAll(
    /^ {2}(tutor|manager) +\S+@demo\.example\.org +([a-z2-9]{4}(?:-[a-z2-9]{4}){3}) /gm,
  ))
    found[m[1]!] = m[2]!;
  return found;
}

/** Signs in through the API of a server on the demo's store; the status, and the session if it worked. */
async function signIn(verity: Verity, email: string, password: string) {
  const res = await verity.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  const cookie = res.cookies.find((c) => c.name === 'verity_session');
  const session = cookie
    ? { cookie: `${cookie.name}=${cookie.value}`, csrf: res.json().csrfToken as string }
    : null;
  return { status: res.statusCode, session };
}

async function withServer<T>(fn: (verity: Verity) => Promise<T>): Promise<T> {
  const verity = await createVerity({ ...store.config, checkResponses: true });
  try {
    return await fn(verity);
  } finally {
    await verity.close();
  }
}

describe('verity demo', () => {
  let first: Record<string, string>;

  it('loads every example project into a fresh store and prints the passwords of a tutor and a manager', async () => {
    const run = await runCli(['demo'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Verity demo loaded into');
    for (const p of shipped)
      expect(run.stdout).toMatch(new RegExp(`created +${escaped(p.body.name)} +${p.itemCount} items`));
    first = passwordsIn(run.stdout);
    expect(Object.keys(first).sort()).toEqual(['manager', 'tutor']);
    expect(first.tutor).not.toBe(first.manager);
    expect(run.stdout).toMatch(/Start Verity: .*npx verity start/);

    await withServer(async (verity) => {
      const tutor = await signIn(verity, 'tutor@demo.example.org', first.tutor!);
      expect(tutor.status).toBe(200);
      const mine = await verity.app.inject({
        url: '/api/projects',
        headers: { cookie: tutor.session!.cookie },
      });
      const projects = mine.json().items as { id: number; name: string; progress: { items: number } }[];
      expect(projects.map((p) => [p.name, p.progress.items])).toEqual(
        shipped.map((p) => [p.body.name, p.itemCount]),
      );
      // The tutor is a member who can take work at once: the first pair of the first project.
      const next = await verity.app.inject({
        method: 'POST',
        url: `/api/projects/${projects[0]!.id}/assignments/next`,
        headers: { cookie: tutor.session!.cookie, 'x-csrf-token': tutor.session!.csrf },
      });
      expect(next.statusCode, next.body).toBe(200);
      expect(next.json().item.data.answers).toHaveLength(2);

      const manager = await signIn(verity, 'manager@demo.example.org', first.manager!);
      expect(manager.status).toBe(200);
      // The answer key came in as one submitted answer per item; the tutor's will complete each.
      const managed = await verity.app.inject({
        url: '/api/projects',
        headers: { cookie: manager.session!.cookie },
      });
      for (const p of managed.json().items as {
        progress: { items: number; submitted: number; complete: number };
      }[])
        expect(p.progress).toMatchObject({ submitted: p.progress.items, complete: 0 });
      const members = await verity.app.inject({
        url: `/api/projects/${projects[0]!.id}/members`,
        headers: { cookie: manager.session!.cookie },
      });
      expect(
        (members.json().items as { email: string; role: string }[]).map((m) => [m.email, m.role]).sort(),
      ).toEqual([
        ['manager@demo.example.org', 'manager'],
        ['tutor@demo.example.org', 'annotator'],
      ]);
    });
  });

  it('changes nothing when run again, and says so', async () => {
    const again = await runCli(['demo'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already loaded');
    expect(again.stdout).toContain('nothing changed');
    expect(again.stdout.match(/^ {2}kept /gm)).toHaveLength(shipped.length);
    expect(passwordsIn(again.stdout)).toEqual({});
    expect(again.stdout).toContain('npx verity demo --new-passwords');

    const json = await runCli(['demo', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({
      accounts: [
        { email: 'manager@demo.example.org', created: false, password: null },
        { email: 'tutor@demo.example.org', created: false, password: null },
      ],
    });
    await withServer(async (verity) => {
      expect((await signIn(verity, 'tutor@demo.example.org', first.tutor!)).status).toBe(200);
      const manager = await signIn(verity, 'manager@demo.example.org', first.manager!);
      const all = await verity.app.inject({
        url: '/api/projects',
        headers: { cookie: manager.session!.cookie },
      });
      expect(all.json().items).toHaveLength(shipped.length);
    });
  });

  it('gives the accounts new passwords with --new-passwords, and the old ones stop working', async () => {
    const run = await runCli(['demo', '--new-passwords'], env);
    expect(run.code, run.stderr).toBe(0);
    const renewed = passwordsIn(run.stdout);
    expect(renewed.tutor).toBeDefined();
    expect(renewed.tutor).not.toBe(first.tutor);
    expect(run.stdout.match(/^ {2}kept /gm)).toHaveLength(shipped.length);
    await withServer(async (verity) => {
      expect((await signIn(verity, 'tutor@demo.example.org', first.tutor!)).status).toBe(401);
      expect((await signIn(verity, 'tutor@demo.example.org', renewed.tutor!)).status).toBe(200);
      expect((await signIn(verity, 'manager@demo.example.org', renewed.manager!)).status).toBe(200);
    });
  });
});
