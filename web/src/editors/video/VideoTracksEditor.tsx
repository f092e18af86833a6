import { type KeyboardEvent, useEffect, useState } from 'react';
import { itemMediaPath } from '../../../../core/media/reference.ts';
import type { QuestionDef } from '../Question.tsx';
import { type BoxDragState, boxDragPreview, boxDragTransition, idleBoxDrag } from './box-drag.ts';
import { hitBox, moveBox, nudgeOf, type Picture, pixelRatio } from './box-geometry.ts';
import { digitLabel, LabelPicker } from './LabelPicker.tsx';
import { TrackList } from './TrackList.tsx';
import { TracksOverlay } from './TracksOverlay.tsx';
import {
  type Box,
  boxesAt,
  nextKeyframe,
  nextTrackId,
  presence,
  removeKeyframe,
  setBox,
  type TrackAnswer,
  toggleOutside,
} from './track-ops.ts';
import { type VideoEditorProps, VideoPlayer } from './VideoPlayer.tsx';

type TracksQ = Extract<QuestionDef, { type: 'tracks' }>;

/**
 * A tracks question (docs/media.md, "Video"): boxes drawn over the picture in the video's pixels,
 * keyframes where a person placed a box, linear interpolation between them (core's boxAt).
 */
export function VideoTracksEditor(props: VideoEditorProps<TracksQ, TrackAnswer[]>) {
  const { q, readOnly } = props;
  const { clock } = props.clip;
  const { frame, count, facts } = clock;
  const tracks = props.value ?? [];
  const [selected, setSelected] = useState<string | undefined>();
  const [label, setLabel] = useState<string>(q.labels[0] ?? '');
  const [drag, setDrag] = useState<BoxDragState>(idleBoxDrag);
  const [shownWidth, setShownWidth] = useState(0);
  const picture: Picture | null =
    facts?.width && facts.height ? { width: facts.width, height: facts.height } : null;
  const lastFrame = count === null ? null : count - 1;
  const boxes = boxesAt(tracks, frame, lastFrame);
  const track = tracks.find((t) => t.id === selected);

  useEffect(() => {
    const v = clock.ref.current;
    if (!v) return;
    const ro = new ResizeObserver(() => setShownWidth(v.clientWidth));
    ro.observe(v);
    return () => ro.disconnect();
  }, [clock.ref]);

  const save = (next: TrackAnswer[]) => props.onChange(next.length > 0 ? next : null);
  const update = (id: string, fn: (t: TrackAnswer) => TrackAnswer | null) =>
    save(
      tracks.flatMap((t) => {
        if (t.id !== id) return [t];
        const n = fn(t);
        return n ? [n] : [];
      }),
    );
  const create = (box: Box) => {
    if (tracks.length >= q.maxTracks) return;
    const id = nextTrackId(tracks);
    save([...tracks, { id, label, keyframes: [{ frame, ...box }] }]);
    setSelected(id);
  };
  const pick = (l: string) => {
    setLabel(l);
    if (track && !readOnly) update(track.id, (t) => ({ ...t, label: l }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !clock.rate) return;
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (e.key === 'k' || e.key === 'K') {
      const next = track ? nextKeyframe(track, frame) : undefined;
      if (next !== undefined) {
        handled();
        clock.seekFrame(next);
      }
      return;
    }
    if (readOnly) return;
    const l = digitLabel(e, q.labels);
    if (l !== undefined) {
      handled();
      pick(l);
      return;
    }
    if ((e.key === 'n' || e.key === 'N') && picture) {
      handled();
      // A box a quarter of the picture in its middle, to move with the arrows or the mouse.
      const w = Math.round(picture.width / 4);
      const h = Math.round(picture.height / 4);
      create({
        x: Math.round((picture.width - w) / 2),
        y: Math.round((picture.height - h) / 2),
        width: w,
        height: h,
      });
      return;
    }
    if (!track) return;
    const here = boxes.find((b) => b.id === track.id);
    const by = nudgeOf(e);
    if (by && here && picture) {
      handled();
      update(track.id, (t) => setBox(t, frame, moveBox(here.box, by.x, by.y, picture)));
    } else if (e.key === 'o' || e.key === 'O') {
      handled();
      update(track.id, (t) => toggleOutside(t, frame));
    } else if (
      (e.key === 'Delete' || e.key === 'Backspace') &&
      track.keyframes.some((k) => k.frame === frame)
    ) {
      handled();
      update(track.id, (t) => removeKeyframe(t, frame));
      if (track.keyframes.length === 1) setSelected(undefined);
    } else if (e.key === 'Escape') {
      handled();
      setSelected(undefined);
    }
  };

  const ratio = picture ? pixelRatio(picture, shownWidth || picture.width) : 1;
  const onPointer = (type: 'down' | 'move' | 'up', at: { x: number; y: number }) => {
    if (!picture) return;
    const hit = type === 'down' ? hitBox(boxes, at, 6 * ratio, selected) : undefined;
    const found = hit && boxes.find((b) => b.id === hit.id);
    const ev =
      type === 'down'
        ? { type, at, hit: hit && found ? { ...hit, box: found.box } : undefined }
        : { type, at };
    const { state, plan } = boxDragTransition(drag, ev, picture);
    setDrag(state);
    if (!plan) return;
    if (plan.type === 'select') setSelected(plan.id);
    else if (plan.type === 'create') create(plan.box);
    else update(plan.id, (t) => setBox(t, frame, plan.box));
  };

  return (
    <VideoPlayer
      clip={props.clip}
      name={q.name}
      src={itemMediaPath(props.itemId, q.field)}
      label={props.fieldLabel}
      question={q.label ?? q.name}
      onKeyDown={onKeyDown}
      keyShortcuts="N O K Delete ArrowLeft ArrowRight ArrowUp ArrowDown 1 2 3 4 5 6 7 8 9 Enter"
      overlay={
        // Over a picture several tracks questions share, the one last used draws and edits there.
        picture &&
        props.clip.overlay === q.name && (
          <TracksOverlay
            picture={picture}
            frame={frame}
            boxes={boxes}
            labels={q.labels}
            selected={selected}
            preview={boxDragPreview(drag, picture)}
            ratio={ratio}
            onPointer={readOnly ? undefined : onPointer}
          />
        )
      }
      timeline={
        track && count
          ? [
              ...presence(track, count).map((r) => (
                <div
                  key={`r${r.from}`}
                  className="run span-c0"
                  style={{
                    left: `${(r.from / count) * 100}%`,
                    width: `max(2px, ${((r.to - r.from) / count) * 100}%)`,
                  }}
                />
              )),
              ...track.keyframes.map((k) => (
                <div key={`k${k.frame}`} className="tick" style={{ left: `${(k.frame / count) * 100}%` }} />
              )),
            ]
          : null
      }
    >
      <LabelPicker
        name={`${q.name}-label`}
        legend={`${q.label ?? q.name}: label`}
        labels={q.labels}
        value={track?.label ?? label}
        onPick={pick}
        disabled={readOnly}
      />
      <p className="muted small" aria-live="polite">
        {track
          ? `${track.id} (${track.label}) at frame ${frame}: ${
              track.keyframes.some((k) => k.frame === frame)
                ? 'keyframe'
                : boxes.some((b) => b.id === track.id)
                  ? 'interpolated'
                  : 'not present'
            }`
          : 'No track selected.'}
      </p>
      <TrackList
        name={q.label ?? q.name}
        tracks={tracks}
        labels={q.labels}
        count={count}
        selected={selected}
        readOnly={readOnly}
        onSelect={(id) => {
          setSelected(id);
          const t = tracks.find((x) => x.id === id);
          if (t && !boxes.some((b) => b.id === id) && t.keyframes[0]) clock.seekFrame(t.keyframes[0].frame);
        }}
        onLabel={(id, l) => update(id, (t) => ({ ...t, label: l }))}
        onRemove={(id) => {
          save(tracks.filter((t) => t.id !== id));
          if (selected === id) setSelected(undefined);
        }}
      />
    </VideoPlayer>
  );
}
