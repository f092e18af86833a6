import { bodyLimits, route } from './route.ts';
import { CompleteSetupBody, SetupStatus } from './setup.ts';
import { Session } from './users.ts';

/** First run: the one-time setup link the server prints while the store has no admin. */
export const setupRoutes = {
  setupStatus: route({
    operationId: 'setupStatus',
    method: 'GET',
    path: '/api/setup',
    summary: 'Whether the first admin is still to be made (with the setup link the server printed)',
    tag: 'auth',
    auth: 'public',
    response: SetupStatus,
  }),
  completeSetup: route({
    operationId: 'completeSetup',
    method: 'POST',
    path: '/api/setup',
    summary:
      'Make the first admin with the one-time setup link the server printed, and sign them in (sets a session cookie); works once',
    tag: 'auth',
    auth: 'public',
    body: CompleteSetupBody,
    bodyLimit: bodyLimits.passwords,
    response: Session,
    status: 201,
  }),
} as const;
