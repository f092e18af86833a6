import { isObject } from '../codecs/json-shape.ts';
import { type ErrorCode, errorCodes } from '../errors.ts';

/**
 * An error answer from the API: its HTTP status, its code from the closed set of core/errors.ts,
 * the server's message and its details (field issues, import line errors). Status 0: the same
 * check made before sending (the CLI validates a request against the contract first).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * An answer that is not Verity's error envelope: a proxy's or gateway's page (a 502 in HTML), an
 * empty 500, or a code this client does not know. Its code is INTERNAL, since all the client can
 * tell is that the far side failed; its message is the start of the answer's text, else the
 * status text.
 */
export class UnexpectedAnswer extends ApiError {
  constructor(status: number, text: string) {
    super(status, 'INTERNAL', text);
  }
}

/** No answer came: the request never reached `server` (offline, refused, no such host). */
export class NetworkError extends Error {
  constructor(
    readonly server: string,
    cause: unknown,
  ) {
    super('The server cannot be reached.', { cause });
  }
}

/** The error an unsuccessful answer stands for, from its status and body text. */
export function errorFromAnswer(status: number, text: string, statusText = ''): ApiError {
  const e = envelopeOf(text);
  if (e) return new ApiError(status, e.code, e.message, e.details);
  return new UnexpectedAnswer(status, text.slice(0, 500) || statusText || `The server answered ${status}.`);
}

function envelopeOf(text: string): { code: ErrorCode; message: string; details: unknown } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const e = isObject(parsed) && isObject(parsed.error) ? parsed.error : undefined;
  if (!e || typeof e.code !== 'string' || !Object.hasOwn(errorCodes, e.code)) return undefined;
  const code = e.code as ErrorCode;
  return {
    code,
    message: typeof e.message === 'string' ? e.message : errorCodes[code].message,
    details: e.details,
  };
}
