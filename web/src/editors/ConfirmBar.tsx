import { useEffect, useRef } from 'react';

/**
 * An inline question before a change that would lose work (switching the candidate a tutor has
 * marked or edited): the confirming button takes focus, Escape or the other button keeps things.
 */
export function ConfirmBar(props: {
  message: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the bar cancels; its buttons are the controls
    <div
      className="confirm-bar"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        props.onCancel();
      }}
    >
      <p role="alert">{props.message}</p>
      <button type="button" className="primary" ref={ref} onClick={props.onConfirm}>
        {props.confirm}
      </button>
      <button type="button" onClick={props.onCancel}>
        {props.cancel}
      </button>
    </div>
  );
}
