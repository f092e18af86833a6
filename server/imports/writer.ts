import fs from 'node:fs';
import { awaitsCandidates, type InterfaceDefinition } from '../../core/interface/index.ts';
import { itemSearchText } from '../../core/search-words.ts';
import { queueForAdjudication } from '../adjudication/entry.ts';
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
import { type GoldItemWrite, insertGoldItems } from '../gold/gold.repository.ts';
import { notFound } from '../http/errors.ts';
import { type PredictionWrite, upsertPredictions } from '../predictions/predictions.repository.ts';
import { refreshDisagreement } from '../quality/disagreement.ts';
import { ensureSkillProfiles, setItemProfiles } from '../skills/routing.repository.ts';
import { ImportedAnnotators, insertAnnotations } from './imported-annotators.ts';
import { ImportedLines } from './imported-lines.ts';
import { itemOrderForImport } from './imports.repository.ts';
import { BATCH_ITEMS, decodeSpooled, READ_BLOCK_BYTES, type SpooledItem, type Stretch } from './spool.ts';

/** The project an import writes into, as the inserter needs it, and who is importing. */
export interface ImportTarget {
  id: number;
  overlap: number;
  /** The importing account: every imported revision records it. */
  importedBy: number;
  /**
   * The interface's `responses` fields: an item without candidates in one of them awaits
   * generation (docs/generation.md) and is written closed (`awaiting` 1, no free slot).
   */
  responsesFields: string[];
  /** The interface's questions: imported annotations give their items a disagreement score. */
  questions: InterfaceDefinition['questions'];
  /** The adjudication setting as stored: disputed imported items enter its queue. */
  adjudication: string | null;
}

/** What inserting one stretch of the spool did; `errors` are lines refused only now (ids already taken). */
export interface StretchResult {
  items: number;
  annotations: number;
  predictions: number;
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

  /** Reads what insertStretch needs from inside the transaction. */
  async start(): Promise<void> {
    this.annotators = new ImportedAnnotators(this.tx, this.project.id);
    // The order decides the random key (read FOR SHARE on PostgreSQL: see itemOrderForImport).
    const order = await itemOrderForImport(this.tx, this.target.kind, this.project.id);
    if (!order) throw notFound('project');
    this.itemOrder = order;
  }

  /** Inserts the lines of one stretch of the spool. */
  async insertStretch({ from, to }: Stretch): Promise<StretchResult> {
    const result: StretchResult = { items: 0, annotations: 0, predictions: 0, errors: [] };
    const fd = fs.openSync(this.spoolPath, 'r');
    try {
      let batch: SpooledItem[] = [];
      let carry = '';
      const buf = Buffer.allocUnsafe(Math.min(READ_BLOCK_BYTES, Math.max(1, to - from)));
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
          if (batch.length >= BATCH_ITEMS) {
            // Let go of the batch before waiting: rows that outlive two young-generation
            // collections while PostgreSQL catches up would be copied to the old generation.
            const sent = this.flush(batch, result);
            batch = [];
            await sent;
          }
        }
      }
      if (carry !== '') throw new Error(`import spool stretch ${from}..${to} does not end at a line end`);
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
  private flush(batch: SpooledItem[], result: StretchResult): Promise<void> {
    const rows = this.rowsOf(batch);
    if (
      this.target.kind === 'postgres' &&
      this.mode === 'fast' &&
      batch.every(
        (r) => r.annotations === null && r.predictions === null && r.gold === null && r.skills === null,
      )
    ) {
      this.copy ??= new ItemCopy(this.target.client);
      result.items += rows.length;
      return conflictsAsFastPath(this.copy.write(rows));
    }
    return this.insertExact(batch, rows, result);
  }

  private rowsOf(batch: SpooledItem[]): NewItemRow[] {
    const now = Date.now();
    const { overlap, id: projectId } = this.project;
    const fields = this.project.responsesFields;
    return batch.map((r): NewItemRow => {
      const submitted = r.annotations?.filter((a) => a.status === 'submitted').length ?? 0;
      const data = JSON.parse(r.data) as Record<string, unknown>;
      const awaiting = fields.some((f) => awaitsCandidates(Object.hasOwn(data, f) ? data[f] : undefined));
      return {
        projectId,
        externalId: r.externalId,
        data: r.data,
        meta: r.meta,
        priority: r.priority,
        rand: randomKey(this.itemOrder),
        // A gold item is served by its own selection (server/gold/), never by an open slot.
        slotsLeft: awaiting || r.gold !== null ? 0 : Math.max(0, overlap - submitted),
        awaiting: awaiting ? 1 : 0,
        createdAt: now,
        searchWords: itemSearchText(data, r.externalId),
      };
    });
  }

  private async insertExact(
    spooled: SpooledItem[],
    allRows: NewItemRow[],
    result: StretchResult,
  ): Promise<void> {
    const now = allRows[0]?.createdAt ?? Date.now();
    const { id: projectId, importedBy } = this.project;
    // Rows with annotations or predictions need their ids, and annotators are looked up: the open COPY
    // is ended first, since its connection runs nothing else meanwhile.
    await this.endCopy();
    const { batch, rows } = await this.withoutRefusedAnnotators(spooled, allRows, result);
    const ids = await insertItemRows(this.target, this.tx, rows);
    const refused: SpooledItem[] = [];
    const predictions: PredictionWrite[] = [];
    const gold: GoldItemWrite[] = [];
    const annotated: number[] = [];
    const skilled = new Map<string, number[]>();
    for (const [k, r] of batch.entries()) {
      const id = ids[k];
      if (id === null || id === undefined) {
        refused.push(r);
        continue;
      }
      this.imported.add({ id, line: r.line });
      result.items += 1;
      if (r.skills) skilled.set(r.skills, [...(skilled.get(r.skills) ?? []), id]);
      if (r.annotations) {
        const at = { projectId, itemId: id, importedBy, now };
        result.annotations += await insertAnnotations(this.tx, at, r.annotations, this.annotators!);
        if (r.annotations.filter((a) => a.status === 'submitted').length >= 2) annotated.push(id);
      }
      if (r.gold) gold.push({ projectId, itemId: id, answers: JSON.stringify(r.gold), createdAt: now });
      for (const p of r.predictions ?? []) {
        const answers = JSON.stringify(p.answers);
        predictions.push({
          projectId,
          itemId: id,
          agent: p.agent,
          score: p.score,
          answers,
          source: 'import',
          createdAt: now,
        });
      }
    }
    await upsertPredictions(this.tx, predictions);
    await insertGoldItems(this.tx, gold);
    await this.giveProfiles(skilled);
    // Items imported with two or more submitted answers get their disagreement score here.
    if (annotated.length > 0) {
      const iface = { questions: this.project.questions };
      await refreshDisagreement(this.tx, iface, annotated);
      await queueForAdjudication(this.tx, { project: this.project, iface, itemIds: annotated, now });
    }
    result.predictions += predictions.length;
    if (refused.length === 0) return;
    // Rows COPYed earlier are not in `imported`; only an exact run names the earlier line right.
    if (this.mode === 'fast') throw new FastPathConflict();
    await this.explain(refused, result);
  }

  /** Items carrying skills of their own get their profile (docs/skills.md), made once per distinct requirement. */
  private async giveProfiles(skilled: Map<string, number[]>): Promise<void> {
    if (skilled.size === 0) return;
    const ids = await ensureSkillProfiles(this.tx, this.project.id, [...skilled.keys()]);
    await setItemProfiles(this.tx, new Map([...skilled].map(([text, items]) => [ids.get(text)!, items])));
  }

  /**
   * The lines whose annotators may be written (see ImportedAnnotators); each other line is
   * reported, as a line error like any other, and left out.
   */
  private async withoutRefusedAnnotators(batch: SpooledItem[], rows: NewItemRow[], result: StretchResult) {
    const keep: number[] = [];
    for (const [k, r] of batch.entries()) {
      const problem = r.annotations ? await this.annotators!.problemOf(r.annotations) : null;
      if (problem) result.errors.push({ line: r.line, message: `line ${r.line}: ${problem}` });
      else keep.push(k);
    }
    if (keep.length === batch.length) return { batch, rows };
    return { batch: keep.map((k) => batch[k]!), rows: keep.map((k) => rows[k]!) };
  }

  /** Names why each refused row's id is taken: by an earlier line of this import, or from before. */
  private async explain(refused: SpooledItem[], result: StretchResult): Promise<void> {
    const holders = await itemIdsByExternalId(
      this.tx,
      this.project.id,
      refused.map((r) => r.externalId!),
    );
    for (const r of refused) {
      const holder = holders.get(r.externalId!);
      const earlier = holder === undefined ? undefined : this.imported.lineOf(holder);
      result.errors.push({
        line: r.line,
        message:
          earlier === undefined
            ? `line ${r.line}: id ${JSON.stringify(r.externalId)} already exists in this project`
            : `line ${r.line}: id ${JSON.stringify(r.externalId)} repeats line ${earlier}`,
      });
    }
  }
}
