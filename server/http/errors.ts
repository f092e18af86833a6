import { type ErrorCode, errorCodes } from '../../core/errors.ts';

/** The one exception type handlers throw; the error handler turns it into `{ error: {...} }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCodes[code].message);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorCodes[this.code].status;
  }
}

export const notFound = (what = 'resource'): AppError =>
  new AppError('NOT_FOUND', `No such ${what}, or you cannot see it.`);
export const forbidden = (message?: string): AppError => new AppError('FORBIDDEN', message);
