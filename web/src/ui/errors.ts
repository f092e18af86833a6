import { ApiError } from '../api/client.ts';

/** An error as a sentence a person understands, with what to do next. */
export function describeError(err: unknown): string {
  if (!(err instanceof ApiError))
    return 'Something unexpected went wrong in the page. Reload it; if it happens again, tell your admin.';
  switch (err.code) {
    case 'NETWORK':
      return 'The server cannot be reached. Your work is kept in this browser; it will be sent when the connection returns.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again to continue.';
    case 'ACCOUNT_SUSPENDED':
      return 'Your account is suspended. Ask an admin of this Verity to restore it.';
    case 'CSRF_FAILED':
      return 'This page is out of date. Reload it and try again.';
    case 'RATE_LIMITED':
      return `${err.message} Wait a moment before trying again.`;
    case 'NOT_FOUND':
      return `${err.message} Check the link, or ask a manager to add you to the project.`;
    case 'FORBIDDEN':
      return `${err.message} Ask a manager if you need this.`;
    case 'INTERNAL':
      return 'The server hit an error. Try again; if it persists, tell your admin (the server log has the cause).';
    default:
      return err.message;
  }
}
