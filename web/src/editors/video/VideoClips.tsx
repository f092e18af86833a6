import { createContext, type ReactNode, use, useCallback, useMemo, useState } from 'react';
import { afterUse, type ClipPlan, overlayQuestion, pictureQuestion } from './clips.ts';
import { useVideo, type VideoClock } from './useVideo.ts';

/**
 * A video field as every question over it shares it (docs/media.md, "Video"): one clock, one
 * picture shown at the first question's player, the tracks question whose boxes are drawn over it.
 */
export interface VideoClip {
  clock: VideoClock;
  /** The question whose player shows the picture. */
  picture: string | undefined;
  /** The tracks question whose boxes are drawn over the picture and edited there. */
  overlay: string | undefined;
  /** The picture's stage, where a question that does not show the picture draws over it. */
  stage: HTMLDivElement | null;
  setStage(el: HTMLDivElement | null): void;
  /** A question over the field was focused or used. */
  use(question: string): void;
}

const Clips = createContext<ReadonlyMap<string, VideoClip>>(new Map());

/** The shared clip of a video field, when the questions are laid out inside VideoClips. */
export const useVideoClip = (field: string): VideoClip | undefined => use(Clips).get(field);

/** One clock per video field in `clips`, for the questions laid out inside (created once per item). */
export function VideoClips(props: {
  itemId: number | undefined;
  clips: readonly ClipPlan[];
  children: ReactNode;
}) {
  const [first, ...rest] = props.clips;
  if (props.itemId === undefined || !first) return props.children;
  return (
    <OneClip key={`${props.itemId}/${first.field}`} itemId={props.itemId} plan={first}>
      <VideoClips itemId={props.itemId} clips={rest}>
        {props.children}
      </VideoClips>
    </OneClip>
  );
}

function OneClip(props: { itemId: number; plan: ClipPlan; children: ReactNode }) {
  const { plan } = props;
  const outer = use(Clips);
  const clock = useVideo(props.itemId, plan.field);
  const [stage, setStage] = useState<HTMLDivElement | null>(null);
  const [lastTracks, setLastTracks] = useState<string | undefined>();
  const useQuestion = useCallback((q: string) => setLastTracks((last) => afterUse(plan, last, q)), [plan]);
  const clip: VideoClip = useMemo(
    () => ({
      clock,
      picture: pictureQuestion(plan),
      overlay: overlayQuestion(plan, lastTracks),
      stage,
      setStage,
      use: useQuestion,
    }),
    [clock, plan, lastTracks, stage, useQuestion],
  );
  const clips = useMemo(() => new Map([...outer, [plan.field, clip]]), [outer, plan.field, clip]);
  return <Clips value={clips}>{props.children}</Clips>;
}
