import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/audit.repository.ts';
import { writeTransaction } from '../db/transaction.ts';
import { seedUser } from '../testing/factories.ts';
import { type Harness, startHarness } from '../testing/harness.ts';
import {
  grantSkills,
  heldSkills,
  heldSkillsOf,
  revokeSkill,
  unknownSkills,
} from './user-skills.repository.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const db = () => h.verity.store.db;

describe('held skills and the audit log (migration 0030)', () => {
  it('grants replace a level, keep their source, revoke returns what was held; audit rows carry JSON', async () => {
    await db()
      .insertInto('skills')
      .values(
        ['math', 'math.algebra', 'physics'].map((name) => ({
          name,
          description: name,
          createdBy: null,
          createdAt: 1,
        })),
      )
      .execute();
    expect(await unknownSkills(db(), ['math', 'chemistry', 'math', 'lang.fr'])).toEqual([
      'chemistry',
      'lang.fr',
    ]);
    const tutor = await seedUser(h.verity, 'annotator');
    const admin = await seedUser(h.verity, 'admin');
    const before = await writeTransaction(h.verity.store, (tx) =>
      grantSkills(tx, {
        userId: tutor.id,
        skills: [
          { skill: 'math', level: 2 },
          { skill: 'physics', level: 1 },
        ],
        source: 'granted',
        grantedBy: admin.id,
        now: 1000,
      }),
    );
    expect([...before]).toEqual([]);
    const again = await writeTransaction(h.verity.store, (tx) =>
      grantSkills(tx, {
        userId: tutor.id,
        skills: [{ skill: 'math', level: 3 }],
        source: 'assessment',
        grantedBy: null,
        assessmentAttemptId: 7,
        now: 2000,
      }),
    );
    expect([...again]).toEqual([['math', 2]]);
    expect(await heldSkills(db(), tutor.id)).toEqual(
      new Map([
        ['math', 3],
        ['physics', 1],
      ]),
    );
    const row = await db()
      .selectFrom('userSkills')
      .selectAll()
      .where('skill', '=', 'math')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      source: 'assessment',
      grantedBy: null,
      assessmentAttemptId: 7,
      grantedAt: 2000,
    });
    expect((await heldSkillsOf(db(), [tutor.id, admin.id])).get(admin.id)).toBeUndefined();
    expect(await writeTransaction(h.verity.store, (tx) => revokeSkill(tx, tutor.id, 'physics'))).toBe(1);
    expect(
      await writeTransaction(h.verity.store, (tx) => revokeSkill(tx, tutor.id, 'physics')),
    ).toBeUndefined();

    await writeTransaction(h.verity.store, (tx) =>
      appendAudit(
        tx,
        { id: admin.id, email: 'boss@example.com', name: 'Boss' },
        {
          action: 'skill.grant',
          targetType: 'user',
          targetId: tutor.id,
          targetEmail: 't@example.com',
          before: { math: 2 },
          after: { math: 3 },
        },
        3000,
      ),
    );
    const entry = await db()
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'skill.grant')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      at: 3000,
      actorId: admin.id,
      actorLabel: 'boss@example.com',
      targetId: String(tutor.id),
    });
    expect(JSON.parse(entry.after!)).toEqual({ math: 3 });
  });
});
