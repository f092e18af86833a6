import { type HTMLAttributes, memo, type Ref } from 'react';
import type { SpanAnswer } from '../../../../core/interface/index.ts';
import { estimateLines, piecesOf, type Segment, type TextIndex } from './kernels.ts';

export interface SpanPaint {
  spans: readonly SpanAnswer[];
  layers: readonly number[];
  colorOf: (label: string) => number;
}

interface SegmentProps extends SpanPaint {
  i: number;
  seg: Segment;
  index: TextIndex;
  bucket: readonly number[];
  visible: boolean;
  placeholderPx: number | undefined;
  charsPerLine: number;
  selection: { start: number; end: number } | undefined;
  caret: number | undefined;
  active: number | undefined;
}

/**
 * One block of the raw text, or its placeholder when far from view. Each piece carries `data-s`
 * (its first code point) so a DOM selection maps back to global offsets (dom.ts).
 */
export const SegmentBlock = memo(function SegmentBlock(p: SegmentProps) {
  const { seg, index } = p;
  if (!p.visible) {
    const lines = estimateLines(index, seg, p.charsPerLine);
    const height = p.placeholderPx !== undefined ? `${p.placeholderPx}px` : `${lines * 1.7}em`;
    return (
      <div
        className="seg placeholder"
        data-seg={p.i}
        data-start={seg.start}
        data-end={seg.end}
        style={{ height }}
      />
    );
  }
  const cuts = [p.selection?.start, p.selection?.end, p.caret].filter((c): c is number => c !== undefined);
  const pieces = piecesOf(seg, p.spans, p.bucket, cuts);
  return (
    <div className="seg" data-seg={p.i} data-start={seg.start} data-end={seg.end}>
      {pieces.map((piece) => {
        const inSel = p.selection && piece.start >= p.selection.start && piece.end <= p.selection.end;
        const covering = [...piece.covering].sort((a, b) => p.layers[a]! - p.layers[b]!);
        const top = covering.at(-1);
        const cls = [
          covering.length ? 'marked' : '',
          inSel ? 'sel' : '',
          p.active !== undefined && piece.covering.includes(p.active) ? 'active' : '',
        ].join(' ');
        const style = covering.length
          ? {
              boxShadow: covering
                .map((s) => `0 ${3 + 4 * p.layers[s]!}px 0 0 var(--span-${p.colorOf(p.spans[s]!.label)})`)
                .join(', '),
              '--tint': `var(--span-${p.colorOf(p.spans[top!]!.label)})`,
            }
          : undefined;
        return [
          p.caret === piece.start ? (
            <span key="caret" className="caret" data-s={piece.start} aria-hidden="true" />
          ) : null,
          <span
            key={piece.start}
            data-s={piece.start}
            className={cls.trim() || undefined}
            style={style}
            title={covering.length ? covering.map((s) => p.spans[s]!.label).join(', ') : undefined}
          >
            {index.text.slice(index.starts[piece.start], index.starts[piece.end])}
          </span>,
        ];
      })}
      {p.caret === seg.end && seg.end === index.length && (
        <span className="caret" data-s={seg.end} aria-hidden="true" />
      )}
    </div>
  );
});

export interface SpanTextProps {
  field: string;
  index: TextIndex;
  segments: readonly Segment[];
  buckets: readonly (readonly number[])[];
  paint: SpanPaint;
  visible: ReadonlySet<number>;
  heights: ReadonlyMap<number, number>;
  selection?: { start: number; end: number };
  caret?: number;
  active?: number;
  containerRef: Ref<HTMLDivElement>;
  interactive?: HTMLAttributes<HTMLDivElement>;
}

/** The raw text of a spans field with its spans as stacked underlines, virtualised by segment. */
export function SpanText(p: SpanTextProps) {
  const depth = Math.max(0, ...p.paint.layers.map((l) => l + 1));
  const clip = (seg: Segment) =>
    p.selection && p.selection.start < seg.end && p.selection.end > seg.start ? p.selection : undefined;
  const owns = (seg: Segment, cp: number | undefined) =>
    cp !== undefined && cp >= seg.start && (cp < seg.end || cp === p.index.length) ? cp : undefined;
  return (
    <div
      ref={p.containerRef}
      className="span-text"
      data-testid="span-text"
      data-field={p.field}
      style={{ lineHeight: `calc(1.7em + ${Math.max(0, depth - 1) * 4}px)` }}
      {...p.interactive}
    >
      {p.segments.map((seg, i) => (
        <SegmentBlock
          key={seg.start}
          i={i}
          seg={seg}
          index={p.index}
          bucket={p.buckets[i] ?? []}
          {...p.paint}
          visible={p.visible.has(i) || owns(seg, p.caret) !== undefined || clip(seg) !== undefined}
          placeholderPx={p.heights.get(i)}
          charsPerLine={70}
          selection={clip(seg)}
          caret={owns(seg, p.caret)}
          active={p.active !== undefined && p.buckets[i]?.includes(p.active) ? p.active : undefined}
        />
      ))}
    </div>
  );
}
