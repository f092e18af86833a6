import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * A media file's waveform peaks (docs/media.md, "Waveform peaks"): `peaks` is the JSON index of
 * the levels stored beside its bytes (sample rate, samples, tile size, samples per pixel of each
 * level), null until computed; `peaks_error` says why decoding for them failed.
 */
export async function up(db: Kysely<unknown>, _kind: StoreKind): Promise<void> {
  await sql.raw('alter table media add column peaks text').execute(db);
  await sql.raw('alter table media add column peaks_error text').execute(db);
}
