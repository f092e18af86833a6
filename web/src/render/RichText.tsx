import { useMemo } from 'react';
import { renderRichText } from './rich-text.ts';

/** Markdown, maths and code, rendered and sanitised (see rich-text.ts); never raw item HTML. */
export function RichText({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderRichText(source), [source]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: html comes from renderRichText, which sanitises it
  return <div className={`rich-text ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
