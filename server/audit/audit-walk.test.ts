import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../core/api/route.ts';
import { routes } from '../../core/api/routes.ts';
import { buildWorld, send, type World } from '../testing/access-world.ts';
import { type AuditCall, accountCalls, freshWorld, handedSecrets } from '../testing/audit-walk-cases.ts';
import { mediaExportCalls } from '../testing/audit-walk-cases-media.ts';
import { projectCalls } from '../testing/audit-walk-cases-projects.ts';
import { workforceCalls } from '../testing/audit-walk-cases-workforce.ts';

const c = { ...accountCalls, ...projectCalls, ...workforceCalls, ...mediaExportCalls };

import { assertNowhere } from '../testing/secret-search.ts';

/**
 * The walk (docs/audit.md): every operation that is not a GET, and every export, is classified
 * here, once: audited (with the calls that check its entry) or not administrative (with why).
 * A route added later fails the first test by name until it gets its line here.
 */
const audited = (...calls: (AuditCall | AuditCall[])[]) => ({ audited: calls.flat() });
const notAdministrative = (reason: string) => ({ reason });
type Class = ReturnType<typeof audited> | ReturnType<typeof notAdministrative>;

const classified: Record<string, Class> = {
  login: notAdministrative('the caller signs in: their own credentials'),
  logout: notAdministrative('the caller ends their own session'),
  signOutEverywhere: audited(c.signOutEverywhere),
  changePassword: notAdministrative('the caller changes their own password (no value is ever logged)'),
  resetPassword: notAdministrative('a person redeems their reset link; the link’s making is audited'),
  createToken: audited(c.createToken),
  revokeToken: audited(c.revokeToken),
  completeSetup: audited(c.completeSetup),
  createUser: audited(c.createUser),
  updateUser: audited(c.updateUser),
  bulkUserStatus: audited(c.bulkUserStatus),
  createPasswordReset: audited(c.createPasswordReset),
  createProject: audited(c.createProject),
  updateProject: audited(c.updateProject),
  duplicateProject: audited(c.duplicateProject),
  addMember: audited(c.addMember),
  removeMember: audited(c.removeMember),
  createInvitation: audited(c.createInvitation),
  cancelInvitation: audited(c.cancelInvitation),
  annotatorStatsCsv: audited(c.annotatorStatsCsv),
  importItems: notAdministrative('adds work items (content), not people, access or settings'),
  bulkItemAction: notAdministrative(
    'work on items (priority, requeue, delete), not people, access or settings',
  ),
  exportItems: audited(c.exportItems),
  itemSubtitles: audited(c.itemSubtitles),
  nextAssignment: notAdministrative('an annotator takes work'),
  saveDraft: notAdministrative('an annotator’s draft'),
  submit: notAdministrative('an annotator’s submission (kept with its revisions)'),
  skip: notAdministrative('an annotator skips an item'),
  returnSkip: notAdministrative('a manager returns a skipped item to the queue: work flow'),
  nextReview: notAdministrative('a reviewer takes work'),
  acceptReview: notAdministrative('a review decision (kept in the review tables)'),
  rejectReview: notAdministrative('a review decision (kept in the review tables)'),
  fixReview: notAdministrative('a review decision (kept in the review tables)'),
  nextAdjudication: notAdministrative('an adjudicator takes work'),
  decideAdjudication: notAdministrative('an adjudicator’s final answer (kept with the item)'),
  releaseAdjudication: notAdministrative('an adjudicator lets a case go'),
  addJudge: audited(c.addJudge),
  runJudge: notAdministrative('starts a job, which records who started it'),
  suggest: notAdministrative('starts a job, which records who started it'),
  liveReply: notAdministrative('an annotator talks to the model'),
  setLiveConnection: audited(c.setLiveConnection),
  createModelConnection: audited(c.createModelConnection),
  updateModelConnection: audited(c.updateModelConnection),
  deleteModelConnection: audited(c.deleteModelConnection),
  testModelConnection: notAdministrative('a test call: changes nothing'),
  cancelJob: notAdministrative('the job row records who cancelled it'),
  generateCandidates: notAdministrative('starts a job, which records who started it'),
  liftGoldPause: audited(c.liftGoldPause),
  markGoldAnswer: notAdministrative('a reviewer’s mark on an answer: review work'),
  worklogCsv: audited(c.worklogCsv),
  exportAudit: audited(c.exportAudit),
  createInvite: audited(c.createInvite),
  revokeInvite: audited(c.revokeInvite),
  previewInvite: notAdministrative('reads what a link grants; changes nothing'),
  acceptInvite: audited(c.acceptInvite),
  inviteSso: notAdministrative('starts a sign-in; the invite’s acceptance at the callback is audited'),
  importUsers: audited(c.importUsers),
  rosterCsv: audited(c.rosterCsv),
  uploadMedia: notAdministrative(
    'adds content (a media file), as importItems; its entry media.upload is checked in server/media',
  ),
  importMediaUrl: notAdministrative(
    'adds content (a media file fetched by URL); its entry media.fetch is checked in server/media',
  ),
  reprobeMedia: audited(c.reprobeMedia),
  createSkill: audited(c.createSkill),
  updateSkill: audited(c.updateSkill),
  deleteSkill: audited(c.deleteSkill),
  grantSkills: audited(c.grantSkills),
  revokeSkill: audited(c.revokeSkill),
  startAssessmentAttempt: notAdministrative(
    'a tutor starts their own test; enrolling in an open assessment is logged as assessment.enrol',
  ),
};

const defs = Object.values(routes) as RouteDef[];
const isExport = (d: RouteDef) =>
  d.method === 'GET' && (d.responseKind === 'file' || d.responseKind === 'csv');
const walked = defs.filter((d) => d.method !== 'GET' || isExport(d));

async function newEntries(w: World, afterId: number) {
  return w.h.verity.store.db
    .selectFrom('auditLog')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .execute();
}
const lastId = async (w: World) =>
  Number(
    (
      await w.h.verity.store.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst()
    )?.m ?? 0,
  );

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 120_000);
afterAll(async () => w?.h.close());

describe('the audit walk', () => {
  it('classifies every operation that is not a GET, and every export', () => {
    const missing = walked
      .filter((d) => !classified[d.operationId])
      .map((d) => `${d.operationId} (${d.method} ${d.path})`);
    expect(missing, 'unclassified: add a line to `classified` in server/audit/audit-walk.test.ts').toEqual(
      [],
    );
    const stale = Object.keys(classified).filter((op) => !walked.some((d) => d.operationId === op));
    expect(stale, 'classified but not in the route table (or now a plain GET)').toEqual([]);
  });

  it('has no route that edits or deletes the log', () => {
    const audit = defs.filter((d) => d.path.startsWith('/api/audit'));
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.filter((d) => d.method !== 'GET').map((d) => d.operationId)).toEqual([]);
  });

  for (const def of walked) {
    const cls = classified[def.operationId];
    if (!cls || !('audited' in cls)) continue;
    for (const [i, call] of cls.audited.entries()) {
      it(`${def.operationId} #${i + 1} leaves exactly its ${call.action} entry`, async () => {
        const world = call.fresh ? await freshWorld() : w;
        try {
          const req = await call.build(world);
          const kind = call.as ?? 'admin';
          const from = await lastId(world);
          const res = await send(world, def, kind, req);
          expect(res.status, res.text).toBeLessThan(300);
          const body = res.text.startsWith('{') ? JSON.parse(res.text) : res.text;
          const expected = [await call.entry(world, body)].flat();
          const callerId = kind === 'anonymous' ? null : world.users[kind].id;
          const got = (await newEntries(world, from)).map((e) => ({
            action: e.action,
            actorId: e.actorId,
            targetType: e.targetType,
            targetId: e.targetId,
            targetEmail: e.targetEmail,
            projectId: e.projectId,
            before: e.before === null ? null : JSON.parse(e.before),
            after: e.after === null ? null : JSON.parse(e.after),
          }));
          expect(got).toEqual(expected.map((x) => ({ action: call.action, actorId: callerId, ...x })));
        } finally {
          if (call.fresh) await world.h.close();
        }
      });
    }
  }

  it('holds no secret: password hashes, tokens, reset links, API keys, the server secret', async () => {
    const rows = await w.h.verity.store.db.selectFrom('auditLog').selectAll().execute();
    expect(rows.length).toBeGreaterThan(20);
    const texts = rows.map((r) => ({ where: `entry ${r.id} (${r.action})`, text: JSON.stringify(r) }));
    const hashes = await w.h.verity.store.db.selectFrom('users').select('passwordHash').execute();
    const tokens = Object.values(w.users).map((u) => u.token);
    const secrets = [...handedSecrets, ...tokens, w.h.verity.ctx.secret];
    for (const h of hashes) if (h.passwordHash) secrets.push(h.passwordHash);
    for (const secret of secrets) assertNowhere(secret, texts);
  });
});
