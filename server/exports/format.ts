/**
 * The export's line format: one line per item, with every annotation,
 *
 *   {"id":1,"externalId":"a","data":{…},"meta":{…},"priority":0,"annotations":[{…},…],"skips":[{…},…]}
 *
 * The stores write each item's head and each annotation's opening (exports.repository.ts); this adds
 * the times and puts the lines together.
 */

import type { ExportMedia, ExportMediaRow } from '../media/export-media.ts';

/** An item's id and its line up to the annotations' opening bracket. */
export type ItemRow = [id: number, head: string];

/** An annotation's item, its text up to `"createdAt":`, and its times. */
export type AnnotationRow = [
  itemId: number,
  opening: string,
  createdAt: number,
  updatedAt: number,
  submittedAt: number | null,
];

/** A skip's item, its text up to `"skippedAt":`, and when it was skipped. */
export type SkipRow = [itemId: number, opening: string, skippedAt: number];

/** One page of items, ordered by id, as a reader fills it from the rows of its items statement. */
export interface Page {
  readonly ids: number[];
  readonly size: number;
  readonly lastId: number;
  /** One row of the items statement. */
  add(row: unknown[]): void;
  clear(): void;
}

/** The ids every page keeps, and what follows from them. */
export abstract class IdPage implements Page {
  readonly ids: number[] = [];

  abstract add(row: unknown[]): void;

  get size(): number {
    return this.ids.length;
  }

  get lastId(): number {
    return this.ids[this.ids.length - 1]!;
  }

  clear(): void {
    this.ids.length = 0;
  }
}

/**
 * One page of items, ordered by id: their ids, and their heads as UTF-8 bytes. Held as bytes, a
 * page read ahead is no work for the garbage collector, which copied and promoted it as strings.
 */
export class ItemPage extends IdPage {
  readonly ends: number[] = [];
  bytes = Buffer.allocUnsafe(1 << 20);

  override add([id, head]: ItemRow): void {
    const start = this.ends.length === 0 ? 0 : this.ends[this.ends.length - 1]!;
    // One UTF-16 code unit never takes more than three bytes in UTF-8.
    if (start + head.length * 3 > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, start + head.length * 3));
      this.bytes.copy(larger, 0, 0, start);
      this.bytes = larger;
    }
    this.ids.push(id);
    this.ends.push(start + this.bytes.write(head, start, 'utf8'));
  }

  override clear(): void {
    super.clear();
    this.ends.length = 0;
  }
}

/**
 * What a store's reader hands one page's rows to, in this order: `page` with the page's items (a
 * page from `newPage`), `skip` with each of their skips, `annotation` with each of their
 * annotations (both ordered by item id, then id), then `endPage`. The rows are those of the
 * statements the export's shape names (exports.repository.ts: lines or records).
 */
export interface PageSink<P extends Page = Page> {
  newPage(): P;
  page(page: P): void;
  skip(row: SkipRow): void;
  /** Each of the page's media rows (read when the project has media fields), before its annotations. */
  mediaRow?(row: ExportMediaRow): void;
  annotation(row: unknown[]): void;
  endPage(): void;
}

/** The end of a line whose item nobody skipped. */
const CLOSE = Buffer.from('],"skips":[]}\n');

/**
 * Writes the lines of one page at a time: `page` with the page's items, then `skip` with each of
 * their skips (few: they are held until their item's line ends), then `annotation` with each of
 * their annotations (both ordered by item id, then id), then `endPage`. Annotations are written
 * as they are read; an item's line is its head's bytes, then its annotations' text, then its
 * skips.
 */
export class LineWriter implements PageSink<ItemPage> {
  #page = new ItemPage();
  #next = 0;
  /** The open item's annotations so far, for item `#openId`. */
  #annotations = '';
  #openId = -1;
  /** The page's skips, as the text of each item's `skips` array. */
  #skips = new Map<number, string>();

  constructor(readonly out: ChunkWriter) {}

  /** Members for the item's media fields (`,"media":{…},"mediaFacts":{…}`), or null when the project has none. */
  media: ExportMedia | null = null;

  newPage(): ItemPage {
    return new ItemPage();
  }

  page(page: ItemPage): void {
    this.#page = page;
    this.#next = 0;
    this.#skips.clear();
    this.media?.clear();
  }

  mediaRow(row: ExportMediaRow): void {
    this.media?.row(row);
  }

  skip(row: SkipRow): void {
    const [itemId, opening, skippedAt] = row;
    const text = `${opening}${isoTime(skippedAt)}}`;
    const before = this.#skips.get(itemId);
    this.#skips.set(itemId, before === undefined ? text : `${before},${text}`);
  }

  annotation(row: AnnotationRow): void {
    const [itemId, opening, createdAt, updatedAt, submittedAt] = row;
    const text =
      `${opening}${isoTime(createdAt)},` +
      `"updatedAt":${isoTime(updatedAt)},"submittedAt":${isoTime(submittedAt)}}`;
    if (itemId === this.#openId) {
      this.#annotations = `${this.#annotations},${text}`;
      return;
    }
    this.#close();
    this.#writeItemsBefore(itemId);
    // Skipped: the item was committed after the page's items were read, so it is not in the page.
    if (this.#page.ids[this.#next] !== itemId) return;
    this.#writeHead(this.#next++);
    this.#annotations = text;
    this.#openId = itemId;
  }

  /** Members written after an item's skips, each starting with a comma (none here). */
  protected tail(_itemId: number): string {
    return '';
  }

  endPage(): void {
    this.#close();
    this.#writeItemsBefore(Number.POSITIVE_INFINITY);
  }

  #writeItemsBefore(itemId: number): void {
    const { ids } = this.#page;
    while (this.#next < ids.length && ids[this.#next]! < itemId) {
      const id = ids[this.#next]!;
      this.#writeHead(this.#next++);
      const skips = this.#skips.size === 0 ? undefined : this.#skips.get(id);
      const tail = this.tail(id) + (this.media?.tail(id) ?? '');
      if (skips === undefined && tail === '') this.out.copy(CLOSE, 0, CLOSE.length);
      else this.out.write(`],"skips":[${skips ?? ''}]${tail}}\n`);
    }
  }

  #writeHead(index: number): void {
    const { bytes, ends } = this.#page;
    this.out.copy(bytes, index === 0 ? 0 : ends[index - 1]!, ends[index]!);
  }

  #close(): void {
    if (this.#openId === -1) return;
    const tail = this.tail(this.#openId) + (this.media?.tail(this.#openId) ?? '');
    this.out.write(`${this.#annotations}],"skips":[${this.#skips.get(this.#openId) ?? ''}]${tail}}\n`);
    this.#annotations = '';
    this.#openId = -1;
  }
}

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00.000Z: from here on toISOString writes a six-digit year. */
const FOUR_DIGIT_YEARS_END = 253_402_300_800_000;
const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const threeDigits = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const dayPrefixes = new Map<number, string>();

/**
 * A quoted `Date#toISOString()` of epoch milliseconds, or `null`. `toISOString` cost more than
 * the rest of an annotation, so the date part is cached per day and the time is assembled from
 * digit tables; times outside 1970–9999 (never written by Verity) take the slow path.
 */
export function isoTime(ms: number | null): string {
  if (ms === null) return 'null';
  if (!(Number.isInteger(ms) && ms >= 0 && ms < FOUR_DIGIT_YEARS_END))
    return `"${new Date(ms).toISOString()}"`;
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = `"${new Date(day * DAY_MS).toISOString().slice(0, 11)}`;
    if (dayPrefixes.size >= 10_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  rest -= seconds * 1000;
  return `${prefix}${twoDigits[hours]}:${twoDigits[minutes]}:${twoDigits[seconds]}.${threeDigits[rest]}Z"`;
}

/**
 * Collects text as UTF-8 in Buffers of `size` bytes, so the response is written in a few large
 * chunks rather than one string per page (which Node would flatten and copy again).
 */
export class ChunkWriter {
  #buf: Buffer;
  #start = 0;
  #end = 0;
  readonly #done: Buffer[] = [];

  constructor(readonly size: number) {
    this.#buf = Buffer.allocUnsafe(size);
  }

  write(text: string): void {
    // One UTF-16 code unit never takes more than three bytes in UTF-8.
    const most = text.length * 3;
    if (this.#end + most > this.#buf.length) {
      this.#cut();
      if (most > this.size) {
        this.#done.push(Buffer.from(text, 'utf8'));
        return;
      }
      this.#buf = Buffer.allocUnsafe(this.size);
      this.#start = 0;
      this.#end = 0;
    }
    this.#end += this.#buf.write(text, this.#end, 'utf8');
  }

  /** Appends `source[start, end)`; `source` may be reused once this returns. */
  copy(source: Buffer, start: number, end: number): void {
    const length = end - start;
    if (this.#end + length > this.#buf.length) {
      this.#cut();
      if (length > this.size) {
        this.#done.push(Buffer.from(source.subarray(start, end)));
        return;
      }
      this.#buf = Buffer.allocUnsafe(this.size);
      this.#start = 0;
      this.#end = 0;
    }
    this.#end += source.copy(this.#buf, this.#end, start, end);
  }

  /** Everything written since the last call, in order; later writes never touch these bytes. */
  take(): Buffer[] {
    this.#cut();
    return this.#done.splice(0);
  }

  #cut(): void {
    if (this.#end > this.#start) this.#done.push(this.#buf.subarray(this.#start, this.#end));
    this.#start = this.#end;
  }
}
