import type { ExportedItem, ItemTransformer } from '../../core/exports/index.ts';
import {
  type AnnotationRow,
  type ChunkWriter,
  ItemPage,
  isoTime,
  type PageSink,
  type SkipRow,
} from './format.ts';

/**
 * Feeds a format's transformer (core/exports) from the same page readers as the JSONL export:
 * each item that has annotations becomes the JSONL line's object (its head, its annotations up to
 * `submittedAt`), parsed once, and the transformer's lines go to `out`. Items without annotations
 * are never decoded; skips are not read by any of these formats.
 */
export class TransformedWriter implements PageSink {
  #page = new ItemPage();
  #next = 0;
  /** The open item's annotations so far as JSON text, for the item at page index `#open`. */
  #annotations = '';
  #open = -1;
  #openId = -1;
  readonly #emit: (line: string) => void;

  constructor(
    readonly out: ChunkWriter,
    readonly transformer: ItemTransformer,
  ) {
    this.#emit = (line) => out.write(line);
  }

  page(page: ItemPage): void {
    this.#page = page;
    this.#next = 0;
  }

  skip(_row: SkipRow): void {}

  annotation(row: AnnotationRow): void {
    const [itemId, opening, , , submittedAt] = row;
    // Creation and update times are not read by any format: only the submission's is written.
    const text = `${opening}null,"submittedAt":${isoTime(submittedAt)}}`;
    if (itemId === this.#openId) {
      this.#annotations = `${this.#annotations},${text}`;
      return;
    }
    this.#close();
    const { ids } = this.#page;
    while (this.#next < ids.length && ids[this.#next]! < itemId) this.#next++;
    // Not in the page: the item was committed after the page's items were read.
    if (ids[this.#next] !== itemId) return;
    this.#open = this.#next++;
    this.#openId = itemId;
    this.#annotations = text;
  }

  endPage(): void {
    this.#close();
  }

  #close(): void {
    if (this.#openId === -1) return;
    const { bytes, ends } = this.#page;
    const head = bytes.toString('utf8', this.#open === 0 ? 0 : ends[this.#open - 1]!, ends[this.#open]!);
    const item = JSON.parse(`${head}${this.#annotations}]}`) as ExportedItem;
    this.#annotations = '';
    this.#openId = -1;
    this.transformer.item(item, this.#emit);
  }
}
