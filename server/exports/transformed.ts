import type { ExportedAnnotation, ExportedMediaFacts, ItemTransformer } from '../../core/exports/index.ts';
import type { ExportMediaRow } from '../media/export-media.ts';
import { type ChunkWriter, IdPage, isoTime, type PageSink } from './format.ts';

/**
 * An item's row when an export reads records (exports.repository.ts): its columns as they are;
 * from the consensus, its final and gold answers' JSON text too (null when none).
 */
type RecordItemRow = [
  id: number,
  externalId: string | null,
  data: string,
  final?: string | null,
  gold?: string | null,
];

/** An annotation's row when an export reads records. */
type RecordAnnotationRow = [
  itemId: number,
  id: number,
  annotator: string,
  status: 'submitted' | 'draft',
  answers: string,
  submittedAt: number | null,
];

/** An annotation's record as a transformer reads it; its time is written only if asked for (csv). */
class RecordAnnotation implements ExportedAnnotation {
  readonly id: number;
  readonly annotator: string;
  readonly status: 'submitted' | 'draft';
  readonly answers: Record<string, unknown>;
  readonly #submittedAt: number | null;

  constructor([, id, annotator, status, answers, submittedAt]: RecordAnnotationRow) {
    this.id = id;
    this.annotator = annotator;
    this.status = status;
    this.answers = JSON.parse(answers) as Record<string, unknown>;
    this.#submittedAt = submittedAt;
  }

  get submittedAt(): string | null {
    return this.#submittedAt === null ? null : isoTime(this.#submittedAt).slice(1, -1);
  }
}

/** A page of items as records: ids, external ids and data text, as read. */
export class RecordPage extends IdPage {
  readonly externalIds: (string | null)[] = [];
  readonly data: string[] = [];
  readonly finals: (string | null | undefined)[] = [];
  readonly golds: (string | null | undefined)[] = [];

  override add([id, externalId, data, final, gold]: RecordItemRow): void {
    this.ids.push(id);
    this.externalIds.push(externalId);
    this.data.push(data);
    this.finals.push(final);
    this.golds.push(gold);
  }

  override clear(): void {
    super.clear();
    this.externalIds.length = 0;
    this.data.length = 0;
    this.finals.length = 0;
    this.golds.length = 0;
  }
}

/**
 * Feeds a format's transformer (core/exports) from the same page readers as the JSONL export,
 * reading records: each item that has annotations goes to the transformer with its data as the
 * JSON text it is stored as and its annotations' answers parsed; the transformer's lines go to
 * `out`. Items without annotations are passed over.
 */
export class TransformedWriter implements PageSink<RecordPage> {
  #page = new RecordPage();
  #next = 0;
  /** The open item's page index, and its annotations so far. */
  #open = -1;
  #annotations: ExportedAnnotation[] = [];
  /** The page's media facts (read for the media formats only): item id -> field -> facts. */
  readonly #media = new Map<number, Record<string, ExportedMediaFacts>>();
  readonly #emit: (line: string) => void;

  constructor(
    readonly out: ChunkWriter,
    readonly transformer: ItemTransformer,
  ) {
    this.#emit = (line) => out.write(line);
  }

  newPage(): RecordPage {
    return new RecordPage();
  }

  page(page: RecordPage): void {
    this.#page = page;
    this.#next = 0;
    this.#media.clear();
  }

  mediaRow(row: ExportMediaRow): void {
    const itemId = Number(row[0]);
    let fields = this.#media.get(itemId);
    if (!fields) {
      fields = {};
      this.#media.set(itemId, fields);
    }
    const [durationSeconds, , , frameRate, width, height] = row.slice(5) as [
      number | null,
      unknown,
      unknown,
      string | null,
      number | null,
      number | null,
    ];
    fields[row[1]] = { durationSeconds, frameRate, width, height };
  }

  skip(): void {}

  annotation(row: RecordAnnotationRow): void {
    const annotation = new RecordAnnotation(row);
    const itemId = row[0];
    const { ids } = this.#page;
    if (this.#open !== -1 && ids[this.#open] === itemId) {
      this.#annotations.push(annotation);
      return;
    }
    this.#close();
    while (this.#next < ids.length && ids[this.#next]! < itemId) this.#next++;
    // Not in the page: the item was committed after the page's items were read.
    if (ids[this.#next] !== itemId) return;
    this.#open = this.#next++;
    this.#annotations = [annotation];
  }

  endPage(): void {
    this.#close();
  }

  #close(): void {
    if (this.#open === -1) return;
    const page = this.#page;
    const at = this.#open;
    this.#open = -1;
    const final = page.finals[at];
    const gold = page.golds[at];
    this.transformer.item(
      {
        id: page.ids[at]!,
        externalId: page.externalIds[at]!,
        dataJson: page.data[at]!,
        annotations: this.#annotations,
        ...(typeof final === 'string' ? { final: JSON.parse(final) as Record<string, unknown> } : {}),
        ...(typeof gold === 'string' ? { gold: JSON.parse(gold) as Record<string, unknown> } : {}),
        ...(this.#media.size > 0 ? { media: this.#media.get(page.ids[at]!) ?? {} } : {}),
      },
      this.#emit,
    );
  }
}
