import { describeWorkError } from './api.ts';

/** An error of the annotation view as a sentence, announced to screen readers. */
export function WorkAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div role="alert" className="alert alert-error">
      {describeWorkError(error)}
    </div>
  );
}
