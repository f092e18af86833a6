import { useRef, useState } from 'react';
import { formatTime } from '../format.ts';

/** A password reset link just made: who it is for (an isolated name), the link, its expiry. */
export interface MadeLink {
  name: string;
  url: string;
  expiresAt: string;
}

/**
 * Shows a reset link the one time the server hands it out, with a copy button and its expiry.
 * Dismissing it forgets it; a lost link is replaced by making a new one.
 */
export function ResetLink(props: { link: MadeLink; onDismiss(): void }) {
  const { link } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('Copied.');
    } catch {
      // No clipboard (a page not served over HTTPS): select it for the person to copy.
      inputRef.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <section className="card stack" aria-labelledby="reset-link-title">
      <h2 id="reset-link-title">{`Password reset link for ${link.name}`}</h2>
      <p>
        It is shown only this once. Hand it over privately; it works once, until{' '}
        <time dateTime={link.expiresAt}>{formatTime(link.expiresAt)}</time>. A newer link, or suspending the
        account, voids it.
      </p>
      <div className="row">
        <input
          ref={inputRef}
          readOnly
          aria-label="Password reset link"
          value={link.url}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" onClick={props.onDismiss}>
          Done
        </button>
      </div>
      <p role="status" className="ok-text">
        {copied}
      </p>
    </section>
  );
}
