import { describeError } from './errors.ts';

/** An error shown as a sentence, announced to screen readers. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div role="alert" className="alert alert-error">
      {describeError(error)}
    </div>
  );
}
