import type { Generated } from 'kysely';

/** The catalogue of skills (migration 0030, docs/skills.md). */
export interface SkillsTable {
  name: string;
  description: string;
  createdBy: number | null;
  createdAt: number;
}

/** How a user came to hold a skill. */
export type SkillSource = 'granted' | 'assessment' | 'invite' | 'import';

/** A skill a user holds (migration 0030): one row per (user, skill), replaced on a new grant. */
export interface UserSkillsTable {
  userId: number;
  skill: string;
  level: number;
  source: SkillSource;
  /** Who granted it (or made the invite or import that did); null for an assessment. */
  grantedBy: number | null;
  /** The qualification attempt that earned it; null unless `source` is `assessment`. */
  assessmentAttemptId: number | null;
  grantedAt: number;
}

/** One administrative act (migration 0030, docs/audit.md); append-only. */
export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  /** Null for the system (a contract ending, a just-in-time SSO account's own sign-up). */
  actorId: number | null;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetEmail: string | null;
  projectId: number | null;
  /** JSON text of the values before and after; null where there were none. */
  before: string | null;
  after: string | null;
}

/** A distinct item-level skill requirement of a project (migration 0031, docs/skills.md). */
export interface SkillProfilesTable {
  id: Generated<number>;
  projectId: number;
  /** Canonical JSON text of the requirements (core/skills.ts mergeRequirements order). */
  requirements: string;
}
