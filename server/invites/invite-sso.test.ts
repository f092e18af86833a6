import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../testing/factories.ts';
import type { TestUser } from '../testing/harness.ts';
import { accountState, auditOf, makeInvite, postPublic, seedSkills } from '../testing/onboarding-fixture.ts';
import { atProvider, startSignIn, whoIs } from '../testing/sso-browser.ts';
import { type SsoWorld, startSsoWorld } from '../testing/sso-fixture.ts';

/**
 * Accepting an invite by single sign-on, against the loopback provider, with just-in-time accounts
 * off: the invite carried through the flow makes (or, for an import's account, links) the account.
 */

let w: SsoWorld;
let admin: TestUser;
let project: number;
let serial = 0;

beforeAll(async () => {
  w = await startSsoWorld({ jit: false });
  admin = await w.h.user('admin');
  project = await buildProject(w.h, admin);
  await seedSkills(w.h, ['lang.fr']);
});
afterAll(async () => w?.close());

/** Someone at the provider, signed in there next. */
function person(domain = 'acme.test') {
  serial += 1;
  const sub = `invitee-${serial}-${Date.now()}`;
  const email = `invitee${serial}-${Date.now()}@${domain}`;
  w.provider.add({ sub, email, emailVerified: true, name: `Invitee ${serial}` });
  w.provider.signInAs(sub);
  return { sub, email };
}

/**
 * The browser's round trip: the invite page posts the token (the sealed invite cookie comes
 * back), then the sign-in runs, and the callback gets both cookies.
 */
async function acceptBySso(token: string | null) {
  let inviteCookie: string | null = null;
  if (token !== null) {
    const posted = await postPublic(w.h, '/api/invites/sso', { token });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body.location).toBe('/api/auth/sso/start?returnTo=%2Fmy-work');
    inviteCookie = posted.cookies.find((c) => c.name === 'verity_invite')?.value ?? null;
    expect(inviteCookie).toMatch(/^v1\./);
    expect(inviteCookie).not.toContain(token);
  }
  const started = await startSignIn(w.h.verity, '/my-work');
  const callback = await atProvider(started.authUrl);
  const res = await w.h.verity.app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    cookies: { verity_sso: started.flowCookie, ...(inviteCookie ? { verity_invite: inviteCookie } : {}) },
  });
  const session = res.cookies.find((c) => c.name === 'verity_session' && c.value !== '');
  return { location: String(res.headers.location), session: session?.value ?? null };
}

describe('accepting an invite with single sign-on', () => {
  it('without an invite, just-in-time accounts being off, there is no account', async () => {
    person();
    const done = await acceptBySso(null);
    expect([done.location, done.session]).toEqual(['/?sso_error=SSO_NO_ACCOUNT', null]);
  });

  it("makes the account with the invite's presets, links the identity and lands in their work", async () => {
    const { sub, email } = person();
    const made = await makeInvite(w.h, admin, {
      email,
      role: 'annotator',
      skills: { 'lang.fr': 2 },
      projects: [{ projectId: project, role: 'annotator' }],
    });
    const done = await acceptBySso(made.token);
    expect(done.location).toBe('/my-work');
    const me = await whoIs(w.h.verity, done.session);
    expect(me).toMatchObject({ email, role: 'annotator', name: `Invitee ${serial}` });
    const state = (await accountState(w.h, email))!;
    expect(state.user.passwordHash).toBeNull();
    expect(state.skills).toEqual([{ skill: 'lang.fr', level: 2, source: 'invite', grantedBy: admin.id }]);
    expect(state.memberships).toEqual([{ projectId: project, role: 'annotator' }]);
    const identity = await w.h.verity.store.db
      .selectFrom('ssoIdentities')
      .select(['subject', 'userId'])
      .where('subject', '=', sub)
      .executeTakeFirst();
    expect(identity?.userId).toBe(state.user.id);
    const audit = (await auditOf(w.h, 'invite.accept')).find((a) => a.targetId === String(made.id));
    expect(audit?.after).toMatchObject({ via: 'sso', userId: state.user.id });
    // Used up: a second trip with the same link is refused.
    const again = await postPublic(w.h, '/api/invites/sso', { token: made.token });
    expect([again.status, again.body.error.code]).toEqual([410, 'INVITE_USED']);
  });

  it("refuses a provider email other than the invite's, and leaves the link usable", async () => {
    person();
    const made = await makeInvite(w.h, admin, { email: `someone-else-${Date.now()}@acme.test` });
    const done = await acceptBySso(made.token);
    expect([done.location, done.session]).toEqual(['/?sso_error=INVITE_EMAIL_MISMATCH', null]);
    const seen = await postPublic(w.h, '/api/invites/preview', { token: made.token });
    expect(seen.body).toMatchObject({ sso: true });
  });

  it("links the account a CSV import made, keeping the import's role", async () => {
    const { sub, email } = person();
    const imported = await w.h.call(admin, 'POST', '/api/users/import', {
      csv: `email,name,role,projects\n${email},Imported Reviewer,reviewer,${project}:reviewer\n`,
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const token = String(imported.body.lines[0].inviteUrl).split('#token=')[1]!;
    const done = await acceptBySso(token);
    expect(done.location).toBe('/my-work');
    const me = await whoIs(w.h.verity, done.session);
    expect(me).toMatchObject({
      email,
      role: 'reviewer',
      name: 'Imported Reviewer',
      id: imported.body.lines[0].userId,
    });
    const identity = await w.h.verity.store.db
      .selectFrom('ssoIdentities')
      .select('userId')
      .where('subject', '=', sub)
      .executeTakeFirst();
    expect(identity?.userId).toBe(me!.id);
  });
});
