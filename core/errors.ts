/**
 * The closed set of error codes Verity returns. Every failure that reaches a client is one of
 * these; the server maps each to its HTTP status in one place and docs/errors.md documents each.
 */
export const errorCodes = {
  BAD_REQUEST: { status: 400, message: 'The request is malformed.' },
  VALIDATION_FAILED: { status: 400, message: 'A field of the request is invalid.' },
  INVALID_ANSWERS: { status: 422, message: 'The answers do not fit the project interface.' },
  IMPORT_INVALID: { status: 422, message: 'The import has invalid lines; nothing was imported.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in or send a valid API token.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The email or password is wrong.' },
  RESET_LINK_INVALID: {
    status: 400,
    message: 'This password-reset link is unknown, used, replaced or expired; ask an admin for a new one.',
  },
  SETUP_LINK_INVALID: {
    status: 400,
    message: 'This setup link is not one the server made; open the whole link it printed at its last start.',
  },
  SETUP_LINK_EXPIRED: {
    status: 410,
    message:
      'This setup link has expired or a newer one replaced it; restart the server and open the link it prints.',
  },
  SETUP_LINK_USED: { status: 410, message: 'This setup link was used already; sign in instead.' },
  SETUP_DONE: { status: 409, message: 'Verity has an admin already; sign in instead.' },
  INVITE_INVALID: {
    status: 404,
    message: 'This invite link is not one Verity made; open the whole link you were given.',
  },
  INVITE_EXPIRED: { status: 410, message: 'This invite link has expired; ask for a new one.' },
  INVITE_USED: { status: 410, message: 'This invite link was used already; sign in instead.' },
  INVITE_REVOKED: { status: 410, message: 'This invite link was withdrawn; ask for a new one.' },
  INVITE_EMAIL_MISMATCH: {
    status: 403,
    message: 'This invite link is for another email address; use the address it was sent to.',
  },
  SSO_NOT_CONFIGURED: { status: 404, message: 'Single sign-on is not set up on this server.' },
  SSO_FAILED: {
    status: 400,
    message:
      'Signing in with single sign-on did not complete (it expired, was started in another browser, or the provider refused it); try again.',
  },
  SSO_DOMAIN_NOT_ALLOWED: {
    status: 403,
    message: "Your email's domain may not sign in here with single sign-on; ask an admin.",
  },
  SSO_EMAIL_UNVERIFIED: {
    status: 403,
    message:
      'Your sign-in provider did not give a verified email for you, so it cannot be matched to an account here.',
  },
  SSO_NO_ACCOUNT: {
    status: 403,
    message: 'There is no Verity account for your email yet; ask an admin to invite you.',
  },
  CSRF_FAILED: { status: 403, message: 'The CSRF token is missing or wrong; reload the page.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this.' },
  ACCOUNT_SUSPENDED: { status: 403, message: 'This account is suspended.' },
  CONTRACT_NOT_STARTED: {
    status: 403,
    message: 'Your contract has not started yet; you can sign in from its start date.',
  },
  CONTRACT_ENDED: { status: 403, message: 'Your contract has ended; ask an admin to extend it.' },
  GOLD_PAUSED: {
    status: 403,
    message: 'You are paused on this project by its quality bar; a project manager can lift the pause.',
  },
  SKILLS_MISSING: {
    status: 403,
    message:
      'This project asks for skills you do not hold at its level; ask a manager which, and how to qualify.',
  },
  NOT_FOUND: { status: 404, message: 'No such resource, or you cannot see it.' },
  CONFLICT: { status: 409, message: 'The resource already exists.' },
  ALREADY_SUBMITTED: { status: 409, message: 'This assignment is already submitted.' },
  ASSIGNMENT_CLOSED: {
    status: 409,
    message: 'This assignment is closed (skipped, or editing is not allowed).',
  },
  ASSESSMENT_UNAVAILABLE: {
    status: 409,
    message:
      'This assessment cannot be taken now (passed already, no attempts left, cooling down, or awaiting marks).',
  },
  LOCK_EXPIRED: { status: 409, message: 'Your lock on this item expired and its slot went to someone else.' },
  IDEMPOTENCY_MISMATCH: { status: 409, message: 'This idempotency key was used with other answers.' },
  INTERFACE_CHANGE_NEEDS_CONFIRMATION: {
    status: 409,
    message:
      'This interface change affects existing answers; send it again with "confirm": true to apply it.',
  },
  INTERFACE_CHANGED: {
    status: 409,
    message: 'The interface changed since you loaded it; reload it and make your edit again.',
  },
  LIVE_UNAVAILABLE: {
    status: 409,
    message:
      'Live chat is not available here: the project asks no live question or has no model connection for it.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here.' },
  RANGE_NOT_SATISFIABLE: { status: 416, message: 'The requested byte range is not in the file.' },
  MEDIA_FETCH_FAILED: {
    status: 422,
    message: 'The media URL could not be fetched: it is refused here, or its server did not answer with it.',
  },
  MEDIA_NOT_READY: {
    status: 409,
    message: "The media's waveform is not computed yet, or could not be: its facts say why.",
  },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; wait and try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;
export const errorCodeList = Object.keys(errorCodes) as ErrorCode[];
