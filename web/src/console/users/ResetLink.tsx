import { OneTimeLink } from '../OneTimeLink.tsx';

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
  return (
    <OneTimeLink
      title={`Password reset link for ${props.link.name}`}
      label="Password reset link"
      url={props.link.url}
      expiresAt={props.link.expiresAt}
      more="A newer link, or suspending the account, voids it."
      onDismiss={props.onDismiss}
    />
  );
}
