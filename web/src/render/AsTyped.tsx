import { Component, type ReactNode } from 'react';
import { type Unformatted, unformattedNotice } from './limits.ts';
import './render.css';

/**
 * A text shown exactly as typed (React text, never HTML), under a one-sentence notice saying why
 * it is not formatted.
 */
export function AsTyped({
  source,
  why,
  className,
}: {
  source: string;
  why: Unformatted;
  className?: string;
}) {
  return (
    <div className={`rich-text-as-typed ${className ?? ''}`}>
      <p className="as-typed-notice" role="note">
        {unformattedNotice(why)}
      </p>
      <div className="as-typed-text">{source}</div>
    </div>
  );
}

/**
 * Isolates the rendering of one untrusted text: if anything below throws while rendering, this
 * shows `source` as typed with a notice, and the rest of the page carries on. A new `source`
 * (the next item) tries again.
 */
export class RenderBoundary extends Component<
  { source: string; className?: string; children: ReactNode },
  { failed: boolean; source: string }
> {
  override state = { failed: false, source: this.props.source };

  static getDerivedStateFromProps(props: { source: string }, state: { source: string }) {
    return props.source === state.source ? null : { failed: false, source: props.source };
  }

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <AsTyped source={this.props.source} why={{ reason: 'failed' }} className={this.props.className} />;
  }
}
