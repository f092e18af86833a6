import { useState } from 'react';
import { Dialog } from '../work/Dialog.tsx';

/** Asks what the annotator should change: the comment is required and shown to them beside the item. */
export function RejectDialog(props: {
  open: boolean;
  onCancel: () => void;
  onReject: (comment: string) => void;
}) {
  const [comment, setComment] = useState('');
  const blank = comment.trim() === '';
  return (
    <Dialog title="Send back for rework" open={props.open} onClose={props.onCancel}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (blank) return;
          props.onReject(comment.trim());
          setComment('');
        }}
      >
        <p className="muted">The item goes back to its annotator with your comment beside it.</p>
        <label>
          What should change (required)
          <textarea
            value={comment}
            maxLength={5000}
            rows={4}
            required
            onChange={(e) => setComment(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.ctrlKey && !blank) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
            autoFocus
          />
        </label>
        <div className="row">
          <button type="submit" className="primary" disabled={blank}>
            Reject
          </button>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
