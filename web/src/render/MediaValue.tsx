import { itemMediaPath } from '../../../core/media/reference.ts';
import { WaveformPlayer } from '../editors/audio/WaveformPlayer.tsx';

/**
 * A media field: the browser streams it from the item's media path by Range requests (the server
 * checks who may see the item), so a long recording is never downloaded whole before it plays;
 * audio plays in the waveform player (editors/audio/), drawn from the server's peak tiles.
 */
export function MediaValue(props: {
  type: 'audio' | 'video' | 'image';
  field: string;
  label: string;
  itemId: number | undefined;
}) {
  if (props.itemId === undefined) return <p className="muted">The {props.type} of each item plays here.</p>;
  const src = itemMediaPath(props.itemId, props.field);
  if (props.type === 'image') return <img className="item-media" src={src} alt={props.label} />;
  if (props.type === 'video')
    return (
      // biome-ignore lint/a11y/useMediaCaption: items' videos come without captions; transcripts are the annotators' work.
      <video className="item-media" src={src} controls preload="metadata" aria-label={props.label} />
    );
  return <WaveformPlayer itemId={props.itemId} field={props.field} label={props.label} />;
}
