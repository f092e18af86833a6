/**
 * Peak tiles fetched on demand and kept (docs/media.md, "The player"): only the tiles a view shows
 * are asked for, each once; the browser's HTTP cache revalidates them by ETag. At most `max`
 * tiles (4 KB each) are kept, the least recently used dropped first.
 */
export type TileOutcome = 'ok' | 'not-ready' | 'failed';

export class TileCache {
  private readonly tiles = new Map<string, Int16Array>();
  private readonly pending = new Map<string, Promise<TileOutcome>>();

  constructor(
    private readonly url: string,
    private readonly max = 512,
  ) {}

  /** A tile's int16 pairs (min, max per pixel), if loaded. */
  get(level: number, tile: number): Int16Array | undefined {
    const key = `${level}:${tile}`;
    const found = this.tiles.get(key);
    if (found) {
      this.tiles.delete(key);
      this.tiles.set(key, found);
    }
    return found;
  }

  get size(): number {
    return this.tiles.size;
  }

  /** Loads a tile unless kept or on its way; 'not-ready' when the server answers 409. */
  load(level: number, tile: number): Promise<TileOutcome> {
    const key = `${level}:${tile}`;
    if (this.tiles.has(key)) return Promise.resolve('ok');
    const waiting = this.pending.get(key);
    if (waiting) return waiting;
    const sep = this.url.includes('?') ? '&' : '?';
    const p = fetch(`${this.url}${sep}level=${level}&tile=${tile}`, { credentials: 'same-origin' })
      .then(async (res): Promise<TileOutcome> => {
        if (res.status === 409) return 'not-ready';
        if (!res.ok) return 'failed';
        const bytes = await res.arrayBuffer();
        // Little-endian pairs read in the platform order: every browser platform is little-endian.
        this.tiles.set(key, new Int16Array(bytes, 0, Math.floor(bytes.byteLength / 2)));
        while (this.tiles.size > this.max) {
          const oldest = this.tiles.keys().next().value;
          if (oldest === undefined) break;
          this.tiles.delete(oldest);
        }
        return 'ok';
      })
      .catch((): TileOutcome => 'failed')
      .finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }
}
