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

/** An error answer from the server (or the same check made locally before sending). */
export class ApiError extends CliError {
  constructor(
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly status: number,
  ) {
    // The message often repeats the first detail; list only what it does not already say.
    super(
      message,
      1,
      detailLines(details).filter((l) => l !== message),
    );
  }
}

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
    return {
      text: [`error ${err.code}: ${err.message}`, ...err.lines.map((l) => `  ${l}`)].join('\n'),
      exitCode: 1,
    };
  }
  if (err instanceof CliError) {
    return {
      text: [`error: ${err.message}`, ...err.lines.map((l) => `  ${l}`)].join('\n'),
      exitCode: err.exitCode,
    };
  }
  return { text: `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, exitCode: 1 };
}
