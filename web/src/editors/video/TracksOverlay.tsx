import type { PointerEvent } from 'react';
import type { Box } from '../../../../core/interface/index.ts';
import { handlePoints, type Picture, type Point, toVideoPoint } from './box-geometry.ts';

export interface ShownBox {
  id: string;
  label: string;
  box: Box;
  keyframe: boolean;
}

/** The colour of a label (the span palette) as an SVG stroke. */
const stroke = (labels: readonly string[], label: string) =>
  `var(--span-${Math.max(0, labels.indexOf(label)) % 8})`;

/**
 * The boxes at the current frame over the picture, in an SVG whose viewBox is the video's pixels,
 * so it scales with the displayed video: solid where a keyframe is, dashed where interpolated; the
 * selected box with its handles. Pointer events come back as video pixels.
 */
export function TracksOverlay(props: {
  picture: Picture;
  frame: number;
  boxes: readonly ShownBox[];
  labels: readonly string[];
  selected: string | undefined;
  /** A box being drawn (no id) or edited, drawn in place of its track's. */
  preview: { id: string | undefined; box: Box } | undefined;
  /** Video pixels per displayed pixel, for handles of a steady size on screen. */
  ratio: number;
  onPointer?: (type: 'down' | 'move' | 'up', at: Point, e: PointerEvent<SVGSVGElement>) => void;
}) {
  const { picture, ratio } = props;
  const at = (e: PointerEvent<SVGSVGElement>) =>
    toVideoPoint({ x: e.clientX, y: e.clientY }, e.currentTarget.getBoundingClientRect(), picture);
  const handle = 4 * ratio;
  const shown = props.boxes.map((b) =>
    props.preview && props.preview.id === b.id ? { ...b, box: props.preview.box, keyframe: true } : b,
  );
  return (
    <svg
      className="video-overlay"
      viewBox={`0 0 ${picture.width} ${picture.height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Frame ${props.frame}: ${shown.length === 0 ? 'no boxes' : shown.map((b) => `${b.id} ${b.label} at ${Math.round(b.box.x)}, ${Math.round(b.box.y)}, ${Math.round(b.box.width)}×${Math.round(b.box.height)}${b.keyframe ? ' (keyframe)' : ''}`).join('; ')}`}
      onPointerDown={(e) => {
        if (!props.onPointer || e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        props.onPointer('down', at(e), e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) props.onPointer?.('move', at(e), e);
      }}
      onPointerUp={(e) => props.onPointer?.('up', at(e), e)}
    >
      {shown.map((b) => (
        <g key={b.id}>
          <rect
            className={`track-box${b.keyframe ? ' keyframe' : ' interpolated'}${b.id === props.selected ? ' selected' : ''}`}
            data-track={b.id}
            data-frame={props.frame}
            x={b.box.x}
            y={b.box.y}
            width={b.box.width}
            height={b.box.height}
            style={{ stroke: stroke(props.labels, b.label) }}
          />
          <text
            x={b.box.x + 2 * ratio}
            y={Math.max(12 * ratio, b.box.y - 3 * ratio)}
            style={{ fontSize: 12 * ratio }}
          >
            {b.id} {b.label}
          </text>
          {b.id === props.selected &&
            Object.entries(handlePoints(b.box)).map(([name, p]) => (
              <rect
                key={name}
                className="track-handle"
                x={p.x - handle}
                y={p.y - handle}
                width={handle * 2}
                height={handle * 2}
              />
            ))}
        </g>
      ))}
      {props.preview && props.preview.id === undefined && (
        <rect
          className="track-box keyframe selected"
          x={props.preview.box.x}
          y={props.preview.box.y}
          width={props.preview.box.width}
          height={props.preview.box.height}
          style={{ stroke: 'var(--focus)' }}
        />
      )}
    </svg>
  );
}
