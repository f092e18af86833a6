import { z } from 'zod';

/** What a probe stores of a media file (the `media` row's facts columns; docs/media.md). */
export interface ProbedFacts {
  durationSeconds: number | null;
  sampleRate: number | null;
  channels: number | null;
  /** Reduced rational "num/den" (e.g. "30000/1001"), so frame numbers stay exact. */
  frameRate: string | null;
  width: number | null;
  height: number | null;
  codecs: string[];
  /** Whether it has a sound stream (a waveform is computed for it). */
  hasAudio: boolean;
}

const Stream = z.looseObject({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  sample_rate: z.string().optional(),
  channels: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  duration: z.string().optional(),
  disposition: z.looseObject({ attached_pic: z.number().optional() }).optional(),
});
const ProbeOutput = z.looseObject({
  streams: z.array(Stream).default([]),
  format: z.looseObject({ duration: z.string().optional(), format_name: z.string().optional() }).optional(),
});

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** "30000/1001" reduced; null for "0/0", a zero or negative rate, or anything else. */
export function reduceRational(text: string | undefined): string | null {
  const m = /^(\d{1,12})\/(\d{1,12})$/.exec(text ?? '');
  if (!m) return null;
  const num = BigInt(m[1]!);
  const den = BigInt(m[2]!);
  if (num === 0n || den === 0n) return null;
  const g = gcd(num, den);
  return `${num / g}/${den / g}`;
}

/** A rational's value ("30000/1001" → 29.97…), for those who want a number. */
export function rationalValue(text: string | null): number | null {
  if (text === null) return null;
  const [num, den] = text.split('/').map(Number);
  return num !== undefined && den ? num / den : null;
}

const positiveNumber = (text: string | undefined): number | null => {
  const n = text === undefined ? Number.NaN : Number(text);
  return Number.isFinite(n) && n > 0 ? n : null;
};

/**
 * The facts in ffprobe's JSON (`-show_format -show_streams`) of a file whose sniffed type is
 * `contentType`; throws a sentence when the output says nothing can be played from it. A still
 * image keeps its size only (ffprobe gives an image a nominal frame rate); a video's cover art
 * (`attached_pic`) is no picture stream.
 */
export function factsFromProbe(json: string, contentType: string): ProbedFacts {
  const parsed = ProbeOutput.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error('ffprobe answered in a shape Verity does not know');
  const { streams, format } = parsed.data;
  const audio = streams.find((s) => s.codec_type === 'audio');
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const image = contentType.startsWith('image/');
  if (!audio && !video) throw new Error('it has no audio or video stream');
  const durations = [format?.duration, ...streams.map((s) => s.duration)].map(positiveNumber);
  const longest = Math.max(0, ...durations.map((d) => d ?? 0));
  const duration = image ? null : (durations[0] ?? (longest > 0 ? longest : null));
  const rate =
    video && !image ? (reduceRational(video.avg_frame_rate) ?? reduceRational(video.r_frame_rate)) : null;
  return {
    durationSeconds: duration,
    sampleRate: audio ? (positiveNumber(audio.sample_rate) ?? null) : null,
    channels: audio?.channels ?? null,
    frameRate: rate,
    width: video?.width ?? null,
    height: video?.height ?? null,
    codecs: streams.map((s) => s.codec_name ?? 'unknown'),
    hasAudio: audio !== undefined,
  };
}
