import type { InterfaceDefinition } from '../../../../core/interface/index.ts';
import type { QuestionDef } from '../Question.tsx';
import type { FrameLabel } from './frame-labels.ts';
import type { VideoSegment } from './segment-ops.ts';
import type { TrackAnswer } from './track-ops.ts';
import { useVideoClip, VideoClips } from './VideoClips.tsx';
import { VideoFramesEditor } from './VideoFramesEditor.tsx';
import { VideoSegmentsEditor } from './VideoSegmentsEditor.tsx';
import { VideoTracksEditor } from './VideoTracksEditor.tsx';

type VideoQ = Extract<QuestionDef, { type: 'segments' | 'frames' | 'tracks' }>;

/** The question when it is asked about a `video` field (segments, frames, tracks), else undefined. */
export function videoQuestionOf(
  q: QuestionDef,
  iface: InterfaceDefinition,
): { q: VideoQ; fieldLabel: string } | undefined {
  if (q.type !== 'segments' && q.type !== 'frames' && q.type !== 'tracks') return undefined;
  const field = iface.fields.find((f) => f.name === q.field);
  return field?.type === 'video' ? { q, fieldLabel: field.label ?? field.name } : undefined;
}

type VideoQuestionProps = {
  q: VideoQ;
  fieldLabel: string;
  itemId: number | undefined;
  value: unknown;
  onChange: (v: unknown) => void;
  readOnly: boolean;
  digits: boolean;
  describedBy: string;
};

/**
 * A question over a video field, in its editor (docs/media.md, "Video"). Its player plays the
 * field's clip that VideoClips shares among the questions over the field (AnnotationForm lays them
 * out inside one); outside one, the question plays the field alone. Without an item (the builder's
 * preview, an annotation's column on the item page, where the item's video plays above) there is
 * no player: the answer is shown as text.
 */
export function VideoQuestion(props: VideoQuestionProps) {
  const { q, itemId } = props;
  const clip = useVideoClip(q.field);
  if (itemId === undefined)
    return <p className="muted">The video of each item plays here, with this question’s tools.</p>;
  if (!clip)
    return (
      <VideoClips itemId={itemId} clips={[{ field: q.field, questions: [{ name: q.name, type: q.type }] }]}>
        <VideoQuestion {...props} />
      </VideoClips>
    );
  const { q: _, value, ...common } = props;
  const list = <T,>() => (Array.isArray(value) ? (value as T[]) : undefined);
  const shared = { ...common, itemId, fieldLabel: props.fieldLabel, clip };
  switch (q.type) {
    case 'segments':
      return <VideoSegmentsEditor q={q} value={list<VideoSegment>()} {...shared} />;
    case 'frames':
      return <VideoFramesEditor q={q} value={list<FrameLabel>()} {...shared} />;
    case 'tracks':
      return <VideoTracksEditor q={q} value={list<TrackAnswer>()} {...shared} />;
  }
}

/** An answer as lines of text, where no video plays (an annotation's column on the item page). */
export function answerLines(type: VideoQ['type'], value: readonly unknown[]): string[] {
  switch (type) {
    case 'segments':
      return (value as VideoSegment[]).map(
        (s) =>
          `${s.start}–${s.end} s${s.label ? ` ${s.label}` : ''}${s.speaker ? ` (${s.speaker})` : ''}${s.text ? `: ${s.text}` : ''}`,
      );
    case 'frames':
      return (value as FrameLabel[]).map((f) => `frame ${f.frame}: ${f.label}`);
    case 'tracks':
      return (value as TrackAnswer[]).map(
        (t) =>
          `${t.id} ${t.label}: ${t.keyframes.length} keyframe${t.keyframes.length === 1 ? '' : 's'}, frames ${t.keyframes[0]?.frame ?? 0}–${t.keyframes.at(-1)?.frame ?? 0}`,
      );
  }
}
