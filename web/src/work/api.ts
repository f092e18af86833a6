import type { z } from 'zod';
import type { Work as WorkSchema } from '../../../core/api/assignments.ts';
import { ApiError, NetworkError } from '../../../core/api/client-errors.ts';
import type { Project as ProjectSchema } from '../../../core/api/projects.ts';
import { describeError } from '../ui/errors.ts';
import type { Failure } from './outbox.ts';

export type Work = z.output<typeof WorkSchema>;
export type Project = z.output<typeof ProjectSchema>;

/** The connection or the server's own trouble: worth retrying, and the work stays in the browser. */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof NetworkError) return 'retry';
  if (!(error instanceof ApiError)) return 'final';
  return error.status >= 500 || error.status === 429 ? 'retry' : 'final';
}

export const isOffline = (error: unknown) => error instanceof NetworkError;

/** An annotation error as a sentence that says what happened to the work and what to do. */
export function describeWorkError(error: unknown): string {
  if (error instanceof Error && error.name === 'StorageRefused') return error.message;
  if (!(error instanceof ApiError)) return describeError(error);
  switch (error.code) {
    case 'LOCK_EXPIRED':
      return 'Your time on this item ran out and it went to someone else; your answers are kept as a draft.';
    case 'ALREADY_SUBMITTED':
      return 'This item is already submitted (perhaps from another tab). Open the next one.';
    case 'ASSIGNMENT_CLOSED':
      return 'This item is closed: it was skipped, or the project no longer allows editing submitted work.';
    case 'IDEMPOTENCY_MISMATCH':
      return 'This submission clashed with an earlier one that had other answers. Submit again.';
    case 'INVALID_ANSWERS':
      return `Some answers do not fit the questions: ${error.message} Correct them and submit again.`;
    default:
      return describeError(error);
  }
}

/** Answers the server holds for this work: pending edits of a submission first. */
export function serverAnswers(work: Work): { answers: Record<string, unknown>; updatedAt: string | null } {
  const a = work.annotation;
  return { answers: a?.pendingAnswers ?? a?.answers ?? {}, updatedAt: a?.updatedAt ?? null };
}

/** A promise that resolves after `ms`, or as soon as the browser says it is back online. */
export function sleepUntilOnline(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}
