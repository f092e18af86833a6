import type { SaveStatus as Status } from './autosave.ts';

const TEXT: Record<Status, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Offline — kept in this browser',
  error: 'Not saved',
};

/** The draft's save state, announced politely as it changes. */
export function SaveStatus({ status }: { status: Status }) {
  return (
    <span className={`save-status ${status}`} data-testid="save-status" role="status" aria-live="polite">
      {TEXT[status]}
    </span>
  );
}
