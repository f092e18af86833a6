import type { Generated } from 'kysely';

/** A media file of a project (migration 0034, docs/media.md); its bytes are in the media storage. */
export interface MediaTable {
  id: Generated<number>;
  projectId: number;
  /** Hex sha256 of the bytes; one row per (project, sha256). */
  sha256: string;
  size: number;
  /** Probed from the bytes (core/media/sniff.ts): an audio, video or image type, or application/octet-stream. */
  contentType: string;
  originalName: string | null;
  storageKey: string;
  /** The http(s) URL it was fetched from; null: uploaded. */
  sourceUrl: string | null;
  uploadedBy: number;
  createdAt: number;
  /** Facts a probe fills in later; null until then. */
  durationSeconds: number | null;
  sampleRate: number | null;
  channels: number | null;
  /** A rational as text ("30000/1001"), so frame numbers stay exact. */
  frameRate: string | null;
  width: number | null;
  height: number | null;
  /** JSON text: the codec of each stream, e.g. ["pcm_s16le"]. */
  codecs: string | null;
  probeError: string | null;
  probedAt: number | null;
  /** JSON text: the waveform peaks' index (server/media/peaks.ts), null until computed (0035). */
  peaks: string | null;
  /** Why the waveform could not be computed (0035). */
  peaksError: string | null;
}
