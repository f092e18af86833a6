import { type ReactNode, useId, useRef, useState } from 'react';
import { formatTime } from './format.ts';

/**
 * A secret link the server hands out once (a password reset link, an invite link): its title, a
 * sentence on how it may be used until its expiry, the link in a read-only field with a copy
 * button, and Done, which forgets it. Without a clipboard (a page not served over HTTPS) the link
 * is selected for the person to copy.
 */
export function OneTimeLink(props: {
  title: string;
  /** The field's accessible name, e.g. "Invite link". */
  label: string;
  url: string;
  expiresAt: string;
  /** Said after the expiry, e.g. what voids the link. */
  more?: ReactNode;
  onDismiss(): void;
}) {
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopied('Copied.');
    } catch {
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <section className="card stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      <p>
        It is shown only this once. Hand it over privately; it works once, until{' '}
        <time dateTime={props.expiresAt}>{formatTime(props.expiresAt)}</time>.
        {props.more ? <> {props.more}</> : null}
      </p>
      <div className="row">
        <input
          ref={input}
          readOnly
          aria-label={props.label}
          value={props.url}
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
