import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../core/users-csv.ts';
import { buildProject } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { accountState, auditOf, postPublic, seedSkills } from '../testing/onboarding-fixture.ts';

/** Bulk onboarding from CSV (docs/onboarding.md): every line or none, a dry run that changes nothing. */

let h: Harness;
let admin: TestUser;
let project: number;
let second: number;
let serial = 0;
const email = (what = 'csv') => `${what}-${++serial}-${Date.now()}@example.org`;
const run = (csv: string, dryRun = false) =>
  h.call(admin, 'POST', `/api/users/import?dryRun=${dryRun}`, { csv });
const count = async (table: 'users' | 'auditLog' | 'userSkills' | 'projectMembers' | 'inviteLinks') =>
  Number(
    (
      await h.verity.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = async () =>
  Promise.all((['users', 'auditLog', 'userSkills', 'projectMembers', 'inviteLinks'] as const).map(count));

beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
  project = await buildProject(h, admin);
  second = await buildProject(h, admin);
  const renamed = await h.call(admin, 'PATCH', `/api/projects/${second}`, { name: 'Cardiology QA' });
  expect(renamed.status).toBe(200);
  await seedSkills(h, ['math', 'math.algebra', 'code.python', 'medicine.cardiology']);
});
afterAll(async () => h.close());

describe('the per-line report', () => {
  it('names the line and column of every problem, those of the file and of the store, and changes nothing', async () => {
    const before = await counts();
    const taken = email();
    const csv = [
      'email,name,role,skills,projects,contract_start,contract_end',
      `${email()},Fine Line,annotator,math:2,${project},,`,
      'not-an-email,Bad Email,annotator,,,,',
      `${email()},Unknown Skill,annotator,lang.xx:1,,,`,
      `${email()},Bad Level,annotator,math:4,,,`,
      `${email()},Unknown Project,annotator,,999999;No Such Project,,`,
      `${email()},Bad Date,annotator,,,2027-02-30,`,
      `${taken},Twice,annotator,,,,`,
      `${taken},Twice Again,annotator,,,,`,
      `${email()},Bad Role,owner,,,,`,
      `${email()},,annotator,,,,`,
      `${email()},Local Time,annotator,,,2027-01-01T09:00:00,`,
    ].join('\n');
    const res = await run(csv);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/^line 3, column email: .*nothing was imported\.$/);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'line 3, column email',
      'line 4, column skills',
      'line 5, column skills',
      'line 6, column projects',
      'line 6, column projects',
      'line 7, column contract_start',
      'line 9, column email',
      'line 10, column role',
      'line 11, column name',
      'line 12, column contract_start',
    ]);
    const messages = res.body.error.details.map((d: { message: string }) => d.message);
    expect(messages[1]).toBe('no skill "lang.xx" in the catalogue');
    expect(messages[3]).toBe('no project with id 999999');
    expect(messages[4]).toBe('no project named "No Such Project"');
    expect(messages[6]).toBe(`${taken} is on line 8 already`);
    // The good first line was not applied either.
    expect(await counts()).toEqual(before);
    const dry = await run(csv, true);
    expect(dry.body.error.details).toEqual(res.body.error.details);
  });

  it('refuses a file over the row limit, over the byte limit, and a header it does not know', async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `many-${i}@example.org,Many ${i}`);
    const tooMany = await run(['email,name', ...rows].join('\n'));
    expect(tooMany.body.error.details).toEqual([
      {
        path: `line ${MAX_IMPORT_ROWS + 2}`,
        message: `the file has more than ${MAX_IMPORT_ROWS} rows; split it`,
      },
    ]);
    const big = await run(`email,name\n${'x'.repeat(MAX_IMPORT_BYTES)}`);
    expect([big.status, big.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const header = await run('email,nickname\na@example.org,A\n');
    expect(header.body.error.details[0]).toEqual({
      path: 'line 1',
      message:
        'unknown column "nickname"; the columns are email, name, role, skills, projects, contract_start, contract_end',
    });
    const mine = await run(`email,role\n${admin.email},annotator\n`);
    expect(mine.body.error.details[0]).toEqual({
      path: 'line 2, column role',
      message: 'you cannot change your own role; ask another admin',
    });
  });
});

describe('dry run and apply', () => {
  it('plans without changing anything, then applies exactly that plan, with one audit entry per changed account', async () => {
    const existing = await h.user('annotator');
    const untouched = await h.user('reviewer');
    await h.call(admin, 'POST', `/api/projects/${project}/members`, {
      userId: untouched.id,
      role: 'reviewer',
    });
    const newcomer = email('new');
    const csv = [
      'email,name,role,skills,projects,contract_start,contract_end',
      `${newcomer},"Grace, New",annotator,math.algebra:2;code.python:1,${project};Cardiology QA:reviewer,2027-01-04,2027-03-31`,
      `${existing.email.toUpperCase()},,reviewer,medicine.cardiology:3,${second}:reviewer,,2099-01-01T00:00:00+02:00`,
      `${untouched.email},,,,${project}:reviewer,,`,
    ].join('\r\n');
    const before = await counts();
    const dry = await run(csv, true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(await counts()).toEqual(before);
    expect(await accountState(h, newcomer)).toBeUndefined();
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, created: 1, updated: 1, unchanged: 1 });
    expect(dry.body.lines[0]).toEqual({
      line: 2,
      email: newcomer,
      action: 'create',
      userId: null,
      name: { from: null, to: 'Grace, New' },
      role: { from: null, to: 'annotator' },
      contractStart: { from: null, to: '2027-01-04T00:00:00.000Z' },
      contractEnd: { from: null, to: '2027-04-01T00:00:00.000Z' },
      skills: [
        { skill: 'math.algebra', from: null, to: 2 },
        { skill: 'code.python', from: null, to: 1 },
      ],
      memberships: [
        { projectId: project, project: expect.any(String), from: null, to: 'annotator' },
        { projectId: second, project: 'Cardiology QA', from: null, to: 'reviewer' },
      ],
      inviteUrl: null,
    });
    expect(dry.body.lines[1]).toMatchObject({
      action: 'update',
      userId: existing.id,
      role: { from: 'annotator', to: 'reviewer' },
      contractEnd: { from: null, to: '2098-12-31T22:00:00.000Z' },
    });
    expect(dry.body.lines[1].name).toBeUndefined();
    expect(dry.body.lines[2]).toMatchObject({ action: 'unchanged', skills: [], memberships: [] });

    const applied = await run(csv);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const made = (await accountState(h, newcomer))!;
    const mask = (lines: { userId: number | null; inviteUrl: string | null }[]) =>
      lines.map((l) => ({ ...l, userId: l.userId === made.user.id ? null : l.userId, inviteUrl: null }));
    expect(mask(applied.body.lines)).toEqual(dry.body.lines);
    expect(applied.body).toMatchObject({
      dryRun: false,
      applied: true,
      created: 1,
      updated: 1,
      unchanged: 1,
    });
    expect(applied.body.lines[0].inviteUrl).toMatch(/\/invite#token=vi_/);
    expect([applied.body.lines[1].inviteUrl, applied.body.lines[2].inviteUrl]).toEqual([null, null]);

    expect(made.user).toMatchObject({ name: 'Grace, New', role: 'annotator', passwordHash: null });
    expect(made.skills).toEqual([
      { skill: 'code.python', level: 1, source: 'import', grantedBy: admin.id },
      { skill: 'math.algebra', level: 2, source: 'import', grantedBy: admin.id },
    ]);
    const updated = (await accountState(h, existing.email))!;
    expect(updated.user).toMatchObject({
      role: 'reviewer',
      contractEnd: Date.parse('2099-01-01T00:00:00+02:00'),
    });
    expect(updated.memberships).toEqual([{ projectId: second, role: 'reviewer' }]);

    const audit = (await auditOf(h, 'user.import')).slice(-2);
    expect(audit.map((a) => a.targetEmail)).toEqual([newcomer, existing.email]);
    expect(audit[0]).toMatchObject({ actorId: admin.id, before: null, targetId: String(made.user.id) });
    expect(audit[1]).toMatchObject({
      before: { role: 'annotator', contractEnd: null, skills: { 'medicine.cardiology': null } },
      after: {
        role: 'reviewer',
        skills: { 'medicine.cardiology': 3 },
        memberships: { [second]: 'reviewer' },
      },
    });
    const invites = await auditOf(h, 'invite.create');
    expect(invites.at(-1)).toMatchObject({ targetEmail: newcomer, after: { userId: made.user.id } });
    expect(JSON.stringify(audit)).not.toContain('vi_');

    // The same file again changes nothing and makes no second link.
    const again = await run(csv);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.body.lines.every((l: { inviteUrl: null }) => l.inviteUrl === null)).toBe(true);

    // The new account's link sets its password and signs it in.
    const token = String(applied.body.lines[0].inviteUrl).split('#token=')[1];
    const preview = await postPublic(h, '/api/invites/preview', { token });
    expect(preview.body).toMatchObject({ email: newcomer, name: 'Grace, New' });
    const accepted = await postPublic(h, '/api/invites/accept', {
      token,
      name: 'Grace New',
      password: 'graces-own-password',
    });
    // The contract starts in 2027: the password is set, and signing in waits for the start.
    expect(accepted.body.error?.code ?? accepted.status).toBe(
      Date.now() < Date.parse('2027-01-04T00:00:00Z') ? 'CONTRACT_NOT_STARTED' : 201,
    );
    expect((await accountState(h, newcomer))!.user).toMatchObject({ name: 'Grace New' });
    expect((await accountState(h, newcomer))!.user.passwordHash).not.toBeNull();
  });

  it('clears a contract side with none, and refuses a project name two projects share', async () => {
    const person = await h.user('annotator');
    await h.call(admin, 'PATCH', `/api/users/${person.id}`, { contractEnd: '2099-01-01T00:00:00Z' });
    const res = await run(`email,contract_end\n${person.email},none\n`);
    expect(res.body.lines[0].contractEnd).toEqual({ from: '2099-01-01T00:00:00.000Z', to: null });
    expect((await accountState(h, person.email))!.user.contractEnd).toBeNull();
    const twin = await buildProject(h, admin);
    await h.call(admin, 'PATCH', `/api/projects/${twin}`, { name: 'Cardiology QA' });
    const ambiguous = await run(`email,projects\n${person.email},Cardiology QA\n`);
    expect(ambiguous.body.error.details[0]).toEqual({
      path: 'line 2, column projects',
      message: '2 projects are named "Cardiology QA"; use its id',
    });
  });
});
