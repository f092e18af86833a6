/**
 * The server's entry for the CLI's local-store commands (`verity user add`, `verity token create`,
 * `verity user reset-password`, `verity demo`):
 * open the store a server would open and act on it with the server's own services, no HTTP.
 * The CLI imports the server only here and through main.ts (`verity start`); see
 * .dependency-cruiser.cjs.
 */

export { createToken } from './auth/auth.service.ts';
export { createPasswordReset, PASSWORD_RESET_TTL_MS } from './auth/password-reset.service.ts';
export { SecretMismatch } from './auth/secret.ts';
export type { AppContext } from './context.ts';
export { openStore } from './db/connect.ts';
export {
  DEMO_ACCOUNTS,
  type DemoOutcome,
  type DemoProjectInput,
  loadDemo,
} from './demo/demo.service.ts';
export { AppError } from './http/errors.ts';
export { createContext } from './server.ts';
export { findUserByEmail } from './users/users.repository.ts';
export { createUser } from './users/users.service.ts';
