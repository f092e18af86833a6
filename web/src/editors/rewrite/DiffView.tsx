import { useMemo } from 'react';
import { type DiffPart, elide, wordDiff } from './word-diff.ts';

/**
 * The word-level changes from `original` to `text`: insertions underlined and deletions struck
 * through (never colour alone), each also announced as "inserted" / "deleted" to screen readers;
 * long unchanged runs folded to their words around the changes.
 */
export function DiffView(props: { original: string; text: string; against: string }) {
  const diff = useMemo(() => wordDiff(props.original, props.text), [props.original, props.text]);
  const parts = useMemo(() => elide(diff.parts), [diff]);
  const unchanged = diff.inserted === 0 && diff.deleted === 0;
  return (
    <div className="rewrite-diff">
      <p className="muted small rewrite-diff-summary">
        {unchanged
          ? `No words changed from ${props.against}.`
          : `${diff.inserted} word${diff.inserted === 1 ? '' : 's'} inserted, ${diff.deleted} deleted, against ${props.against}.`}
        {diff.coarse && ' Too many changes to match word by word: the changed part is shown whole.'}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long diff scrolls, and keyboard users scroll it from here */}
      <section className="diff-text" tabIndex={0} aria-label={`Changes against ${props.against}`}>
        <DiffParts parts={parts} />
      </section>
    </div>
  );
}

/** Diff parts as text: insertions in <ins>, deletions in <del>, each announced to screen readers. */
export function DiffParts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) => {
        const key = `${i}`;
        if (p.kind === 'elided')
          return (
            <span key={key} className="diff-elided">
              {' '}
              [… {p.words} unchanged words …]{' '}
            </span>
          );
        if (p.kind === 'same') return <span key={key}>{p.text}</span>;
        const Tag = p.kind === 'added' ? 'ins' : 'del';
        return (
          <Tag key={key} className={`diff-${p.kind}`}>
            <span className="visually-hidden">{p.kind === 'added' ? ' [inserted: ' : ' [deleted: '}</span>
            {p.text}
            <span className="visually-hidden">] </span>
          </Tag>
        );
      })}
    </>
  );
}
