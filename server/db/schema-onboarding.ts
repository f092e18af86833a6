import type { Generated } from 'kysely';

/** A single-use invite link (migration 0033, docs/onboarding.md); the token is stored only as its keyed hash. */
export interface InviteLinksTable {
  id: Generated<number>;
  tokenHash: string;
  /** Lower-cased; only this address may use the link. Null: whoever holds it. */
  email: string | null;
  /** The account a CSV import created for this link (accepting sets its password); null: made on acceptance. */
  userId: number | null;
  role: 'admin' | 'manager' | 'reviewer' | 'annotator';
  /** JSON text: `{ "math.algebra": 2, … }`. */
  skills: string;
  /** JSON text: `[{ "projectId": 7, "role": "annotator" }, …]`. */
  projects: string;
  contractStart: number | null;
  contractEnd: number | null;
  createdBy: number;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedBy: number | null;
  revokedAt: number | null;
  revokedBy: number | null;
}
