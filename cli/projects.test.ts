import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInterface } from '../server/testing/harness.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

let s: CliServer;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  s = await startCliServer();
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
  dir = fs.mkdtempSync(path.join(s.config.dataDir, 'files-'));
  fs.writeFileSync(path.join(dir, 'interface.json'), JSON.stringify(sampleInterface));
  fs.writeFileSync(path.join(dir, 'guide.md'), '# Read me\n');
});
afterAll(async () => s.close());

const file = (name: string) => path.join(dir, name);

describe('verity project / member', () => {
  it('creates a project from an interface file, then adds and lists a member', async () => {
    const created = await runCli(
      [
        'project',
        'create',
        '--name',
        'Algebra',
        '--interface',
        file('interface.json'),
        '--overlap',
        '3',
        '--guidelines',
        file('guide.md'),
        '--order',
        'random',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const project = JSON.parse(created.stdout);
    expect(project).toMatchObject({
      name: 'Algebra',
      overlap: 3,
      guidelines: '# Read me\n',
      itemOrder: 'random',
    });
    expect(project.interface.questions).toHaveLength(sampleInterface.questions.length);

    const add = await runCli(['user', 'add', '--email', 'ann@example.org', '--name', 'Ann'], env);
    expect(add.code, add.stderr).toBe(0);
    const member = await runCli(
      ['member', 'add', '--project', String(project.id), '--email', 'ann@example.org'],
      env,
    );
    expect(member.code, member.stderr).toBe(0);
    expect(JSON.parse(member.stdout)).toMatchObject({ email: 'ann@example.org', role: 'annotator' });

    const list = await runCli(['member', 'list', '--project', String(project.id)], env);
    expect(JSON.parse(list.stdout).map((m: { email: string }) => m.email)).toContain('ann@example.org');
  });

  it('invites an email to a project, printing the invitation', async () => {
    const project = await s.verity.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { authorization: `Bearer ${env.VERITY_TOKEN}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Invites', interface: sampleInterface }),
    });
    const id = String(project.json().id);
    const r = await runCli(
      ['member', 'invite', '--project', id, '--email', 'Later@Example.org', '--role', 'reviewer'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ email: 'later@example.org', role: 'reviewer' });
  });

  it('reports an interface that breaks the contract with the path of the problem (exit 1)', async () => {
    const bad = {
      fields: [{ name: 'text', type: 'text' }],
      questions: [{ name: 'e', type: 'spans', field: 'nope', labels: ['A'] }],
    };
    fs.writeFileSync(file('bad.json'), JSON.stringify(bad));
    const r = await runCli(['project', 'create', '--name', 'Bad', '--interface', file('bad.json')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error VALIDATION_FAILED: body.interface.questions.0.field: no field named "nope"',
    );
  });

  it('names the file and position of an interface that is not JSON (exit 1)', async () => {
    fs.writeFileSync(file('broken.json'), '{\n  "fields": [],\n}\n');
    const r = await runCli(['project', 'create', '--name', 'Bad', '--interface', file('broken.json')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file('broken.json')} is not valid JSON at line 3, column 1`);
  });

  it('names an unknown flag as a usage error (exit 2)', async () => {
    const r = await runCli(['project', 'list', '--verbose'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown flag --verbose');
  });

  it('asks for a token when none is given (exit 2)', async () => {
    const r = await runCli(['project', 'list'], { ...env, VERITY_TOKEN: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no API token: pass --token or set VERITY_TOKEN');
  });

  it('shows a project, and a missing one as NOT_FOUND (exit 1)', async () => {
    const list = await runCli(['project', 'list'], env);
    const [first] = JSON.parse(list.stdout);
    const shown = await runCli(['project', 'show', '--project', String(first.id)], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: first.id, progress: { items: 0 } });
    const missing = await runCli(['project', 'show', '--project', '999999'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error NOT_FOUND: /);
  });
});
