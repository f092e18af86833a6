import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInterface } from '../testing/harness.ts';
import { type Finished, signInWithSso, whoIs } from '../testing/sso-browser.ts';
import { type SsoWorld, startSsoWorld } from '../testing/sso-fixture.ts';
import { findUserByEmail } from '../users/users.repository.ts';
import { accountFor } from './sso-accounts.ts';

/**
 * Who a sign-in with the provider is (docs/sso.md, "Matching" and "Just-in-time accounts"): the
 * server runs with JIT on for acme.test and the reviewer role; a sibling on the same store runs
 * with JIT off and no domain list.
 */
let w: SsoWorld;
let serial = 0;
const fresh = (what: string) => `${what}-${++serial}-${Date.now()}`;

/** Puts a person at the provider and makes them the next to sign in there. */
function atProvider(p: { email?: string; emailVerified?: boolean; name?: string; sub?: string }) {
  const sub = p.sub ?? fresh('sub');
  w.provider.add({ sub, emailVerified: true, ...p });
  w.provider.signInAs(sub);
  return sub;
}

/** The audit entries whose target is this user. */
const auditOf = (userId: number) =>
  w.h.verity.store.db
    .selectFrom('auditLog')
    .selectAll()
    .where('targetId', '=', String(userId))
    .where('targetType', '=', 'user')
    .execute();

const refusedWith = (done: Finished) => (done.session === null ? done.location : 'signed in');

beforeAll(async () => {
  w = await startSsoWorld();
});
afterAll(async () => w?.close());

describe('just-in-time accounts', () => {
  it('creates the account of a verified email in an allowed domain, with the default role and the provider name', async () => {
    const email = `${fresh('ada')}@acme.test`;
    atProvider({ email, name: 'Ada Lovelace' });
    const done = await signInWithSso(w.h.verity, '/my-work');
    expect(done.location).toBe('/my-work');
    const me = await whoIs(w.h.verity, done.session);
    expect(me).toMatchObject({ email, role: 'reviewer', name: 'Ada Lovelace' });
    const row = await findUserByEmail(w.h.verity.store.db, email);
    expect(row).toMatchObject({ id: me!.id, status: 'active', passwordHash: null, external: false });
    // The sign-up is audited with no actor (docs/audit.md).
    const entries = await auditOf(me!.id);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'sso.signup',
        actorId: null,
        targetEmail: email,
        targetType: 'user',
      }),
    ]);
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({ email, role: 'reviewer', name: 'Ada Lovelace' });
  });

  it('matches by subject afterwards, whatever email the provider reports then (and creates nobody new)', async () => {
    const first = `${fresh('grace')}@acme.test`;
    const sub = atProvider({ email: first });
    const me = await whoIs(w.h.verity, (await signInWithSso(w.h.verity)).session);
    const renamed = `${fresh('grace.hopper')}@acme.test`;
    atProvider({ sub, email: renamed });
    const again = await whoIs(w.h.verity, (await signInWithSso(w.h.verity)).session);
    expect(again).toMatchObject({ id: me!.id, email: first });
    expect(await findUserByEmail(w.h.verity.store.db, renamed)).toBeUndefined();
  });

  it('refuses an email outside the allowed domains, even a subdomain, and creates nothing', async () => {
    for (const email of [`${fresh('eve')}@evil.test`, `${fresh('eve')}@mail.acme.test`]) {
      atProvider({ email });
      expect(refusedWith(await signInWithSso(w.h.verity))).toBe('/?sso_error=SSO_DOMAIN_NOT_ALLOWED');
      expect(await findUserByEmail(w.h.verity.store.db, email)).toBeUndefined();
    }
  });

  it('refuses an email the provider has not verified, and a sign-in without an email', async () => {
    const email = `${fresh('unverified')}@acme.test`;
    atProvider({ email, emailVerified: false });
    expect(refusedWith(await signInWithSso(w.h.verity))).toBe('/?sso_error=SSO_EMAIL_UNVERIFIED');
    expect(await findUserByEmail(w.h.verity.store.db, email)).toBeUndefined();
    const noEmail = await w.sibling({ allowedDomains: [], jit: false });
    atProvider({});
    expect(refusedWith(await signInWithSso(noEmail))).toBe('/?sso_error=SSO_EMAIL_UNVERIFIED');
  });

  it('creates one account when the same first sign-in is resolved twice at once', async () => {
    const email = `${fresh('twice')}@acme.test`;
    const claims = {
      issuer: w.provider.issuer,
      subject: fresh('sub'),
      email,
      emailVerified: true,
      name: null,
    };
    const both = await Promise.all([0, 1].map(() => accountFor(w.h.verity.ctx, w.sso, claims)));
    expect(both[1]!.user.id).toBe(both[0]!.user.id);
    expect(both.filter((b) => b.created)).toHaveLength(1);
    // And the same for an existing account matched by email for the first time.
    const existing = await w.h.user('annotator', `${fresh('pair')}@acme.test`);
    const link = { ...claims, subject: fresh('sub'), email: existing.email };
    const linked = await Promise.all([0, 1].map(() => accountFor(w.h.verity.ctx, w.sso, link)));
    expect(linked.map((l) => [l.user.id, l.created])).toEqual([
      [existing.id, false],
      [existing.id, false],
    ]);
  });

  it('accepts pending project invitations, as a password sign-in does', async () => {
    const admin = await w.h.user('admin');
    const project = await w.h.call(admin, 'POST', '/api/projects', {
      name: fresh('SSO project'),
      interface: sampleInterface,
    });
    const email = `${fresh('invited')}@acme.test`;
    const invited = await w.h.call(admin, 'POST', `/api/projects/${project.body.id}/invitations`, {
      email,
      role: 'annotator',
    });
    expect(invited.status).toBe(201);
    atProvider({ email });
    const me = await whoIs(w.h.verity, (await signInWithSso(w.h.verity)).session);
    const members = await w.h.call(admin, 'GET', `/api/projects/${project.body.id}/members`);
    expect(
      members.body.items.map((m: { userId: number; role: string }) => [m.userId, m.role]),
    ).toContainEqual([me!.id, 'annotator']);
  });
});

describe('existing accounts', () => {
  it('with JIT off, refuses an unknown email but signs in an existing account by its verified email, then by subject', async () => {
    const jitOff = await w.sibling({ allowedDomains: [], jit: false });
    const unknown = `${fresh('stranger')}@acme.test`;
    atProvider({ email: unknown });
    expect(refusedWith(await signInWithSso(jitOff))).toBe('/?sso_error=SSO_NO_ACCOUNT');
    expect(await findUserByEmail(w.h.verity.store.db, unknown)).toBeUndefined();

    const existing = await w.h.user('manager', `${fresh('linus')}@elsewhere.test`);
    const sub = atProvider({ email: existing.email.toUpperCase() });
    const me = await whoIs(jitOff, (await signInWithSso(jitOff)).session);
    expect(me).toMatchObject({ id: existing.id, role: 'manager' });
    expect((await auditOf(existing.id)).filter((e) => e.action === 'sso.link')).toEqual([
      expect.objectContaining({ actorId: null, targetEmail: existing.email }),
    ]);
    atProvider({ sub, email: `${fresh('other')}@elsewhere.test`, emailVerified: false });
    expect((await whoIs(jitOff, (await signInWithSso(jitOff)).session))?.id).toBe(existing.id);
  });

  it('matches by email the first time only: an account linked to one subject is not taken by another', async () => {
    const existing = await w.h.user('annotator', `${fresh('once')}@acme.test`);
    atProvider({ email: existing.email });
    expect((await whoIs(w.h.verity, (await signInWithSso(w.h.verity)).session))?.id).toBe(existing.id);
    atProvider({ email: existing.email });
    expect(refusedWith(await signInWithSso(w.h.verity))).toBe('/?sso_error=SSO_FAILED');
  });

  it('refuses a suspended account, matched by email or by subject, without linking it', async () => {
    const admin = await w.h.user('admin');
    const byEmail = await w.h.user('annotator', `${fresh('suspended')}@acme.test`);
    await w.h.call(admin, 'PATCH', `/api/users/${byEmail.id}`, { status: 'suspended' });
    const sub = atProvider({ email: byEmail.email });
    expect(refusedWith(await signInWithSso(w.h.verity))).toBe('/?sso_error=ACCOUNT_SUSPENDED');
    // Not linked while suspended: reinstated, the same subject is matched by email then.
    await w.h.call(admin, 'PATCH', `/api/users/${byEmail.id}`, { status: 'active' });
    w.provider.signInAs(sub);
    expect((await whoIs(w.h.verity, (await signInWithSso(w.h.verity)).session))?.id).toBe(byEmail.id);
    await w.h.call(admin, 'PATCH', `/api/users/${byEmail.id}`, { status: 'suspended' });
    w.provider.signInAs(sub);
    expect(refusedWith(await signInWithSso(w.h.verity))).toBe('/?sso_error=ACCOUNT_SUSPENDED');
  });

  it('refuses an account outside its contract window, matched by email or by subject', async () => {
    const admin = await w.h.user('admin');
    const tutor = await w.h.user('annotator', `${fresh('contract')}@acme.test`);
    const sub = atProvider({ email: tutor.email });
    expect((await whoIs(w.h.verity, (await signInWithSso(w.h.verity)).session))?.id).toBe(tutor.id);
    const at = (ms: number) => new Date(ms).toISOString();
    await w.h.call(admin, 'PATCH', `/api/users/${tutor.id}`, { contractEnd: at(Date.now() - 1000) });
    w.provider.signInAs(sub);
    expect(refusedWith(await signInWithSso(w.h.verity))).toBe('/?sso_error=CONTRACT_ENDED');
    await w.h.call(admin, 'PATCH', `/api/users/${tutor.id}`, {
      contractStart: at(Date.now() + 3_600_000),
      contractEnd: null,
    });
    w.provider.signInAs(sub);
    expect(refusedWith(await signInWithSso(w.h.verity))).toBe('/?sso_error=CONTRACT_NOT_STARTED');
    // Matched by email (not linked yet): refused the same way.
    const unlinked = await w.h.user('annotator', `${fresh('contract')}@acme.test`);
    await w.h.call(admin, 'PATCH', `/api/users/${unlinked.id}`, { contractEnd: at(Date.now() - 1000) });
    atProvider({ email: unlinked.email });
    expect(refusedWith(await signInWithSso(w.h.verity))).toBe('/?sso_error=CONTRACT_ENDED');
  });
});
