import fs from 'node:fs';
import type { ImportedAnnotation } from '../../core/codecs/items.ts';
import { invalidateCursors } from '../assignments/claim-cursors.repository.ts';
import {
  type BulkTarget,
  ItemCopy,
  insertItemRows,
  itemIdsByExternalId,
  type NewItemRow,
  randomKey,
} from '../db/bulk.ts';
import type { Tx } from '../db/transaction.ts';
import { notFound } from '../http/errors.ts';
import { ImportedAnnotators, insertAnnotations } from './imported-annotators.ts';
import { ImportedLines } from './imported-lines.ts';

/** A validated item as spooled between the passes: [line, externalId, data JSON, meta JSON, priority, annotations]. */
export type SpooledItem = [number, string | null, string, string, number, ImportedAnnotation[] | null];

/**
 * One spool line: tab-separated fields, the JSON ones as serialised text. JSON text never holds a
 * raw tab or newline, so no escaping is needed, and the data JSON is not serialised twice.
 */
export function encodeSpooled(r: SpooledItem): string {
  const ext = r[1] === null ? '' : JSON.stringify(r[1]);
  return `${r[0]}\t${r[4]}\t${ext}\t${r[2]}\t${r[3]}\t${r[5] ? JSON.stringify(r[5]) : ''}\n`;
}

export function decodeSpooled(text: string): SpooledItem {
  const [line, priority, ext, data, meta, annotations] = text.split('\t') as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return [
    Number(line),
    ext === '' ? null : JSON.parse(ext),
    data,
    meta,
    Number(priority),
    annotations ? JSON.parse(annotations) : null,
  ];
}

const BATCH = 1000;
/** Small enough that the block and its text are young-generation garbage (see WRITE_PIECE). */
const READ_BLOCK = 64 * 1024;

/** The project an import writes into, as the inserter needs it, and who is importing. */
export interface ImportTarget {
  id: number;
  overlap: number;
  /** The importing account: every imported revision records it. */
  importedBy: number;
}

/** What inserting one stretch of the spool did; `errors` are lines refused only now (ids already taken). */
export interface RangeResult {
  items: number;
  annotations: number;
  errors: { line: number; message: string }[];
}

/**
 * A COPY met a taken external id, which aborts a PostgreSQL transaction: the import must start
 * over in exact mode.
 */
export class FastPathConflict extends Error {
  constructor() {
    super('an external id of the import is taken; starting over in exact mode');
  }
}

/** A COPY's unique violation (a taken external id) as the signal to start over in exact mode. */
async function conflictsAsFastPath(copying: Promise<void>): Promise<void> {
  try {
    await copying;
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new FastPathConflict();
    throw err;
  }
}

/**
 * Pass two of an import: inserts stretches of the spool file, as pass one publishes them, into
 * one open write transaction. Runs on the server's event loop for PostgreSQL and in the import
 * worker (a connection of its own) for SQLite; the caller decides when to commit.
 */
export class SpoolInserter {
  private annotators: ImportedAnnotators | undefined;
  /** This import's rows so far, to name the line an id first appeared on. */
  private readonly imported = new ImportedLines();
  private itemOrder: 'sequential' | 'random' = 'sequential';
  /** PostgreSQL fast mode: the COPY open on the connection, fed batch after batch. */
  private copy: ItemCopy | undefined;

  constructor(
    private readonly target: BulkTarget,
    private readonly tx: Tx,
    private readonly project: ImportTarget,
    private readonly spoolPath: string,
    /**
     * PostgreSQL: `fast` COPYs batches without annotations and does not learn their ids; `exact`
     * inserts with ids and skips taken external ids, naming each. SQLite is always exact.
     */
    private readonly mode: 'fast' | 'exact' = 'exact',
  ) {}

  /**
   * Every stretch has been handed over: waits until the server has inserted the rows still in
   * flight. Throws FastPathConflict if one of them met a taken external id.
   */
  async complete(): Promise<void> {
    await this.endCopy();
  }

  /**
   * Ends the import's transaction through `endTransaction`. Before a commit come the last writes:
   * rows still in a COPY, then voiding the project's claim cursors (the new items may sort before
   * them: a higher priority, a random key), kept to the end since on PostgreSQL it holds the
   * project's cursor epoch until the commit. Before a rollback, a COPY in flight is given up so
   * the connection is free. If the last writes fail, the transaction is rolled back instead.
   */
  async end(commit: boolean, endTransaction: (commit: boolean) => Promise<void>): Promise<void> {
    try {
      if (commit) {
        await this.complete();
        await invalidateCursors(this.tx, this.project.id);
      } else {
        const copy = this.copy;
        this.copy = undefined;
        await copy?.abort();
      }
    } catch (err) {
      await endTransaction(false).catch(() => undefined);
      throw err;
    }
    await endTransaction(commit);
  }

  private async endCopy(): Promise<void> {
    const copy = this.copy;
    this.copy = undefined;
    if (copy) await conflictsAsFastPath(copy.end());
  }

  /** Reads what insertRange needs from inside the transaction. */
  async start(): Promise<void> {
    this.annotators = new ImportedAnnotators(this.tx, this.project.id);
    // The order decides the random key; reading it FOR SHARE makes a concurrent switch to random
    // order wait for this import, so drawRandomKeys then sees every row it inserts.
    let q = this.tx.selectFrom('projects').select('itemOrder').where('id', '=', this.project.id);
    if (this.target.kind === 'postgres') q = q.forShare();
    const row = await q.executeTakeFirst();
    if (!row) throw notFound('project');
    this.itemOrder = row.itemOrder;
  }

  /** Inserts the spool's whole lines between byte offsets `from` and `to`. */
  async insertRange(from: number, to: number): Promise<RangeResult> {
    const result: RangeResult = { items: 0, annotations: 0, errors: [] };
    const fd = fs.openSync(this.spoolPath, 'r');
    try {
      let batch: SpooledItem[] = [];
      let carry = '';
      const buf = Buffer.allocUnsafe(Math.min(READ_BLOCK, Math.max(1, to - from)));
      for (let at = from; at < to; ) {
        const n = fs.readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
        if (n === 0) throw new Error(`import spool ended at byte ${at}, expected ${to}`);
        at += n;
        const text = carry + buf.toString('utf8', 0, n);
        const cut = text.lastIndexOf('\n') + 1;
        carry = text.slice(cut);
        for (const line of text.slice(0, cut).split('\n')) {
          if (line === '') continue;
          batch.push(decodeSpooled(line));
          if (batch.length >= BATCH) {
            // Let go of the batch before waiting: rows that outlive two young-generation
            // collections while PostgreSQL catches up would be copied to the old generation.
            const sent = this.flush(batch, result);
            batch = [];
            await sent;
          }
        }
      }
      if (carry !== '') throw new Error(`import spool range ${from}..${to} does not end at a line end`);
      if (batch.length > 0) {
        const sent = this.flush(batch, result);
        batch = [];
        await sent;
      }
    } finally {
      fs.closeSync(fd);
    }
    return result;
  }

  /** Not async: in fast mode nothing of the batch is kept while the COPY drains. */
  private flush(batch: SpooledItem[], result: RangeResult): Promise<void> {
    const rows = this.rowsOf(batch);
    if (this.target.kind === 'postgres' && this.mode === 'fast' && batch.every((r) => r[5] === null)) {
      this.copy ??= new ItemCopy(this.target.client);
      result.items += rows.length;
      return conflictsAsFastPath(this.copy.write(rows));
    }
    return this.insertExact(batch, rows, result);
  }

  private rowsOf(batch: SpooledItem[]): NewItemRow[] {
    const now = Date.now();
    const { overlap, id: projectId } = this.project;
    return batch.map((r): NewItemRow => {
      const submitted = r[5]?.filter((a) => a.status === 'submitted').length ?? 0;
      return {
        projectId,
        externalId: r[1],
        data: r[2],
        meta: r[3],
        priority: r[4],
        rand: randomKey(this.itemOrder),
        slotsLeft: Math.max(0, overlap - submitted),
        createdAt: now,
      };
    });
  }

  private async insertExact(
    spooled: SpooledItem[],
    allRows: NewItemRow[],
    result: RangeResult,
  ): Promise<void> {
    const now = allRows[0]?.createdAt ?? Date.now();
    const { id: projectId, importedBy } = this.project;
    // Rows with annotations need their ids, and their annotators are looked up: the open COPY
    // is ended first, since its connection runs nothing else meanwhile.
    await this.endCopy();
    const { batch, rows } = await this.withoutRefusedAnnotators(spooled, allRows, result);
    const ids = await insertItemRows(this.target, this.tx, rows);
    const refused: SpooledItem[] = [];
    for (const [k, r] of batch.entries()) {
      const id = ids[k];
      if (id === null || id === undefined) {
        refused.push(r);
        continue;
      }
      this.imported.add(id, r[0]);
      result.items += 1;
      if (r[5]) {
        const at = { projectId, itemId: id, importedBy, now };
        result.annotations += await insertAnnotations(this.tx, at, r[5], this.annotators!);
      }
    }
    if (refused.length === 0) return;
    // Rows COPYed earlier are not in `imported`; only an exact run names the earlier line right.
    if (this.mode === 'fast') throw new FastPathConflict();
    await this.explain(refused, result);
  }

  /**
   * The lines whose annotators may be written (see ImportedAnnotators); each other line is
   * reported, as a line error like any other, and left out.
   */
  private async withoutRefusedAnnotators(batch: SpooledItem[], rows: NewItemRow[], result: RangeResult) {
    const keep: number[] = [];
    for (const [k, r] of batch.entries()) {
      const problem = r[5] ? await this.annotators!.problemOf(r[5]) : null;
      if (problem) result.errors.push({ line: r[0], message: `line ${r[0]}: ${problem}` });
      else keep.push(k);
    }
    if (keep.length === batch.length) return { batch, rows };
    return { batch: keep.map((k) => batch[k]!), rows: keep.map((k) => rows[k]!) };
  }

  /** Names why each refused row's id is taken: by an earlier line of this import, or from before. */
  private async explain(refused: SpooledItem[], result: RangeResult): Promise<void> {
    const holders = await itemIdsByExternalId(
      this.tx,
      this.project.id,
      refused.map((r) => r[1]!),
    );
    for (const r of refused) {
      const holder = holders.get(r[1]!);
      const earlier = holder === undefined ? undefined : this.imported.lineOf(holder);
      result.errors.push({
        line: r[0],
        message:
          earlier === undefined
            ? `line ${r[0]}: id ${JSON.stringify(r[1])} already exists in this project`
            : `line ${r[0]}: id ${JSON.stringify(r[1])} repeats line ${earlier}`,
      });
    }
  }
}
