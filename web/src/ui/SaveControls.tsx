import { ErrorAlert } from './Alert.tsx';

/**
 * The end of a form that saves: the error if the save failed, the notice once it is done (a
 * status, so screen readers announce it) and the submit button. With `busy` given, the button
 * is disabled and says so while the save is on its way.
 */
export function SaveControls(props: {
  label: string;
  error: unknown;
  notice: string;
  busy?: boolean;
  primary?: boolean;
}) {
  return (
    <>
      <ErrorAlert error={props.error} />
      <p role="status" className="ok-text">
        {props.notice}
      </p>
      <button
        type="submit"
        className={props.primary ? 'primary self-start' : 'self-start'}
        disabled={props.busy}
      >
        {props.busy ? 'Saving…' : props.label}
      </button>
    </>
  );
}
