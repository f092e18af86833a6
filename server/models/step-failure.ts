import { StepFailure } from '../jobs/kind.ts';
import { ModelCallError } from './model-call.ts';

/** A model call's failure as a job step's: retried when the kind of failure may pass. */
export function modelStepFailure(err: unknown): StepFailure {
  if (err instanceof StepFailure) return err;
  if (err instanceof ModelCallError)
    return new StepFailure(err.message, { retryable: err.retryable, retryAfterMs: err.retryAfterMs });
  return new StepFailure(err instanceof Error ? err.message : String(err), { retryable: false });
}
