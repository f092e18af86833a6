import type { ReactNode } from 'react';
import { Dialog } from '../../work/Dialog.tsx';

/**
 * A question with two answers in a modal dialog: the safe one (`cancelLabel`, also Esc) gets
 * the focus, the other (`confirmLabel`) does what was asked.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Dialog title={props.title} open={props.open} onClose={props.onCancel}>
      <div className="stack">
        {props.children}
        <div className="row">
          <button type="button" onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
          <button type="button" className="danger" onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
