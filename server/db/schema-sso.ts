import type { Generated } from 'kysely';

/**
 * Who a person is at the single sign-on provider (migration 0027, server/sso/): the provider's
 * issuer and its `sub` for them, linked to their account on their first sign-in there. Later
 * sign-ins find the account by this pair alone, whatever email the provider then reports.
 */
export interface SsoIdentitiesTable {
  id: Generated<number>;
  issuer: string;
  subject: string;
  userId: number;
  createdAt: number;
}
