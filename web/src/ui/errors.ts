import { ApiError, NetworkError } from '../../../core/api/client-errors.ts';
import type { ErrorCode } from '../../../core/errors.ts';

/** An error whose message is already the sentence to show: a screen's own reading of an API error. */
export class Explained extends Error {}

/**
 * What each error code means to a person and what to do next; `message` is the server's. A
 * function per code, so a new code in core/errors.ts does not compile until it has its sentence.
 */
const sentences: Record<ErrorCode, (message: string) => string> = {
  BAD_REQUEST: (message) => message,
  VALIDATION_FAILED: (message) => message,
  INVALID_ANSWERS: (message) => message,
  IMPORT_INVALID: (message) => message,
  UNAUTHENTICATED: () => 'Your session has ended. Sign in again to continue.',
  INVALID_CREDENTIALS: (message) => message,
  RESET_LINK_INVALID: () =>
    'This password-reset link does not work any more: it was used, replaced by a newer one, or it expired. Ask an admin for a new link.',
  SETUP_LINK_INVALID: () =>
    'This setup link is not one the server made. Copy the whole link from the terminal where the server runs, and open it again.',
  SETUP_LINK_EXPIRED: (message) => message,
  SETUP_LINK_USED: (message) => message,
  SETUP_DONE: (message) => message,
  INVITE_INVALID: () =>
    'This invite link is not complete or not one Verity made. Open the whole link you were given.',
  INVITE_EXPIRED: () => 'This invite link has expired. Ask whoever invited you for a new one.',
  INVITE_USED: () => 'This invite link was used already. If it was you, sign in instead.',
  INVITE_REVOKED: () => 'This invite link was withdrawn. Ask whoever invited you for a new one.',
  INVITE_EMAIL_MISMATCH: (message) => message,
  SSO_NOT_CONFIGURED: (message) => message,
  SSO_FAILED: () =>
    'Signing in with single sign-on did not finish: it took too long, was started in another tab or browser, or the provider refused it. Try again.',
  SSO_DOMAIN_NOT_ALLOWED: () =>
    'Your email address is not one of the domains allowed to sign in here. Sign in with your work account, or ask an admin.',
  SSO_EMAIL_UNVERIFIED: () =>
    'Your sign-in provider did not confirm your email address, so Verity cannot tell which account is yours. Ask an admin.',
  SSO_NO_ACCOUNT: () => 'There is no Verity account for your email yet. Ask an admin to invite you.',
  CSRF_FAILED: () => 'This page is out of date. Reload it and try again.',
  FORBIDDEN: (message) => `${message} Ask a manager if you need this.`,
  ACCOUNT_SUSPENDED: () => 'Your account is suspended. Ask an admin of this Verity to restore it.',
  CONTRACT_NOT_STARTED: (message) => message,
  CONTRACT_ENDED: (message) => message,
  GOLD_PAUSED: (message) => message,
  SKILLS_MISSING: (message) => message,
  NOT_FOUND: (message) => `${message} Check the link, or ask a manager to add you to the project.`,
  CONFLICT: (message) => message,
  ALREADY_SUBMITTED: (message) => message,
  ASSIGNMENT_CLOSED: (message) => message,
  ASSESSMENT_UNAVAILABLE: (message) => message,
  LOCK_EXPIRED: (message) => message,
  IDEMPOTENCY_MISMATCH: (message) => message,
  INTERFACE_CHANGE_NEEDS_CONFIRMATION: () =>
    'This change affects answers already given. Review the changes and confirm to apply it.',
  INTERFACE_CHANGED: () =>
    'Someone changed this interface since you opened it. Reload the page and make your edit again.',
  PAYLOAD_TOO_LARGE: (message) => message,
  RANGE_NOT_SATISFIABLE: () => 'That part of the file does not exist.',
  MEDIA_FETCH_FAILED: (message) => message,
  MEDIA_NOT_READY: (message) => message,
  UNSUPPORTED_MEDIA_TYPE: (message) => message,
  LIVE_UNAVAILABLE: (message) => `${message} Ask the project's manager.`,
  RATE_LIMITED: (message) => `${message} Wait a moment before trying again.`,
  INTERNAL: () =>
    'The server hit an error. Try again; if it persists, tell your admin (the server log has the cause).',
};

/** An error as a sentence a person understands, with what to do next. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return sentences[err.code](err.message);
  if (err instanceof NetworkError)
    return 'The server cannot be reached. Your work is kept in this browser; it will be sent when the connection returns.';
  if (err instanceof Explained) return err.message;
  return 'Something unexpected went wrong in the page. Reload it; if it happens again, tell your admin.';
}
