/** What an overlay over the waveform needs to place things: the view, in the level's pixels. */
export interface WaveView {
  scroll: number;
  width: number;
  height: number;
  sampleRate: number;
  samplesPerPixel: number;
  /** Seconds; 0 while unknown. */
  duration: number;
}

/** What an editor hosting the player may ask of it. */
export interface PlayerHandle {
  seek: (t: number) => void;
  /** Where the sound is, in seconds. */
  time: () => number;
  /** The recording's length in seconds; 0 while unknown. */
  duration: () => number;
  /** Plays from `start` and pauses at `end`. */
  playRange: (start: number, end: number) => void;
}
