import { useState } from 'react';
import { Dialog } from './Dialog.tsx';

/** Asks for an optional reason before skipping; Enter confirms, Esc cancels. */
export function SkipDialog(props: { open: boolean; onCancel: () => void; onSkip: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Dialog title="Skip this item?" open={props.open} onClose={props.onCancel}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSkip(reason.trim());
          setReason('');
        }}
      >
        <p className="muted">It goes to other annotators and will not come back to you.</p>
        <label>
          Reason (optional)
          <input
            type="text"
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
        </label>
        <div className="row">
          <button type="submit" className="primary">
            Skip item
          </button>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
