import { z } from 'zod';
import { DisplayName } from '../names.ts';
import { Email, Password } from './users.ts';

/** Whether the store still waits for its first admin; nothing secret (docs/security.md#first-run-setup-link). */
export const SetupStatus = z
  .object({
    needed: z
      .boolean()
      .describe('true while no active admin exists: the server printed a one-time setup link at its start'),
    accounts: z
      .boolean()
      .describe('whether any account can sign in (active, with a password); false on a fresh store'),
  })
  .meta({ id: 'SetupStatus' });

export const CompleteSetupBody = z.object({
  token: z.string().min(1).max(200).describe('the token from the setup link (after #token=)'),
  email: Email,
  name: DisplayName,
  password: Password,
});
