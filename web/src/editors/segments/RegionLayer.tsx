import { memo, type PointerEvent, useMemo } from 'react';
import type { WaveView } from '../audio/player-handle.ts';
import { pixelToTime, timeToPixel } from '../audio/waveform.ts';
import { type Hit, hitTest, type RegionBox, type Segment, stackRows } from './kernels.ts';

export interface LayerPointer {
  t: number;
  x: number;
  hit: Hit;
}

/**
 * The regions drawn over the waveform, coloured by label, overlapping ones stacked in rows, and the
 * start mark `[` left waiting. Only regions in view become elements. The layer takes the pointer
 * (the component's handlers feed the state machine); it is hidden from assistive technology, which
 * has the region list and the player's keys instead.
 */
export const RegionLayer = memo(function RegionLayer(props: {
  view: WaveView;
  segments: readonly Segment[];
  selected: number | undefined;
  mark: number | undefined;
  colorOf: (label: string | undefined) => number | undefined;
  interactive: boolean;
  onDown: (p: LayerPointer) => void;
  onMove: (p: Omit<LayerPointer, 'hit'>) => void;
  onUp: (p: Omit<LayerPointer, 'hit'>) => void;
  onCancel: () => void;
}) {
  const { view, segments, selected } = props;
  const { rows, count } = useMemo(() => stackRows(segments), [segments]);
  const rowHeight = view.height / count;
  const px = (t: number) => timeToPixel(t, view.sampleRate, view.samplesPerPixel) - view.scroll;
  const boxes: RegionBox[] = [];
  segments.forEach((s, index) => {
    const x0 = px(s.start);
    const x1 = px(s.end);
    if (x1 < 0 || x0 > view.width) return;
    const y0 = rows[index]! * rowHeight;
    boxes.push({ index, x0, x1, y0, y1: y0 + rowHeight });
  });
  const at = (e: PointerEvent<HTMLDivElement>) => {
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
    return { x, y, t: pixelToTime(view.scroll + x, view.sampleRate, view.samplesPerPixel) };
  };
  const markX = props.mark === undefined ? undefined : px(props.mark);
  return (
    <div
      className={`region-layer${props.interactive ? ' interactive' : ''}`}
      aria-hidden="true"
      data-testid="region-layer"
      onPointerDown={(e) => {
        if (!props.interactive || e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        // The player keeps focus, so its keys work after a drag.
        e.currentTarget.closest<HTMLElement>('.waveform')?.focus({ preventScroll: true });
        const p = at(e);
        props.onDown({ t: p.t, x: p.x, hit: hitTest(boxes, p.x, p.y, selected) });
      }}
      onPointerMove={(e) => {
        if (props.interactive && e.buttons & 1) props.onMove(at(e));
      }}
      onPointerUp={(e) => props.interactive && props.onUp(at(e))}
      onLostPointerCapture={() => props.interactive && props.onCancel()}
    >
      {boxes.map((b) => {
        const s = segments[b.index]!;
        const color = props.colorOf(s.label);
        return (
          <div
            key={`${b.index}-${s.start}-${s.end}`}
            className={`region-box${color === undefined ? ' unlabelled' : ` span-c${color}`}${b.index === selected ? ' selected' : ''}`}
            data-index={b.index}
            style={{ left: b.x0, width: Math.max(1, b.x1 - b.x0), top: b.y0, height: b.y1 - b.y0 }}
          >
            {s.label ?? s.speaker ?? ''}
          </div>
        );
      })}
      {markX !== undefined && markX >= 0 && markX <= view.width && (
        <div className="region-mark" style={{ left: markX }} />
      )}
    </div>
  );
});
