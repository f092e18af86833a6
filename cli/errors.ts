import { ApiError, NetworkError, UnexpectedAnswer } from '../core/api/client-errors.ts';

/** A failure the CLI reports and turns into an exit code: 1 the operation failed, 2 a usage error. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** Extra lines printed under the message, indented. */
    readonly lines: readonly string[] = [],
  ) {
    super(message);
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

/**
 * A request refused before it is sent, as the server would refuse it: VALIDATION_FAILED with one
 * detail per field issue, the first of them as the message.
 */
export function validationFailed(details: { path: string; message: string }[]): ApiError {
  return new ApiError(0, 'VALIDATION_FAILED', `${details[0]?.path}: ${details[0]?.message}`, details);
}

/** The lines printed under an API error: its details, less the one its message already says. */
export const apiErrorLines = (err: ApiError): string[] =>
  detailLines(err.details).filter((l) => l !== err.message);

/** The readable lines of an error's `details`: field issues, or import line errors. */
export function detailLines(details: unknown): string[] {
  const list = Array.isArray(details)
    ? details
    : isRecord(details) && Array.isArray(details.errors)
      ? details.errors
      : [];
  return list
    .filter(isRecord)
    .map((d) => (typeof d.path === 'string' ? `${d.path}: ${String(d.message)}` : String(d.message)));
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The text printed for any error; unknown ones are bugs and keep their stack. */
export function formatError(err: unknown): { text: string; exitCode: number } {
  if (err instanceof ApiError) {
    // An answer that was not Verity's (a proxy's error page) is named by its HTTP status.
    const code = err instanceof UnexpectedAnswer ? `HTTP_${err.status}` : err.code;
    return {
      text: [`error ${code}: ${err.message}`, ...apiErrorLines(err).map((l) => `  ${l}`)].join('\n'),
      exitCode: 1,
    };
  }
  if (err instanceof NetworkError) return { text: `error: ${unreachable(err)}`, exitCode: 1 };
  if (err instanceof CliError) {
    return {
      text: [`error: ${err.message}`, ...err.lines.map((l) => `  ${l}`)].join('\n'),
      exitCode: err.exitCode,
    };
  }
  return { text: `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, exitCode: 1 };
}

function unreachable(err: NetworkError): string {
  const cause = (err.cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const why = cause?.code ?? cause?.message ?? (err.cause as Error).message;
  return `cannot reach Verity at ${err.server} (${why}); is the server running?${startHint(err.server)}`;
}

/** For a server on this machine, the start command that listens where the URL points. */
function startHint(url: string): string {
  const u = new URL(url);
  if (!['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) || u.protocol !== 'http:') return '';
  const port = u.port === '' ? '80' : u.port;
  return ` Start one with: npx verity start${port === '8080' ? '' : ` --port ${port}`}`;
}
