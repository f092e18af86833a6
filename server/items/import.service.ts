import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ImportResult } from '../../core/api/items.ts';
import {
  type DecodedItem,
  decodeCsvItems,
  decodeJsonlItems,
  type ImportFormat,
  type ItemInput,
} from '../../core/codecs/items.ts';
import { CodecError } from '../../core/codecs/lines.ts';
import {
  type InterfaceDefinition,
  migrateInterface,
  validateAnswers,
  validateItemData,
} from '../../core/interface/index.ts';
import type { AppContext } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { encodeSpooled, insertSpooled } from './import.writer.ts';

const MAX_REPORTED = 1000;
type Result = z.input<typeof ImportResult>;

/**
 * Imports a stream in two passes so the store's write lock is held only for the insert:
 * pass one decodes and validates every line into a spool file (nothing is written to the store
 * if any line is invalid, unless skipInvalid); pass two inserts the spool in one transaction.
 */
export async function importStream(
  ctx: AppContext,
  project: ProjectRow,
  source: AsyncIterable<Uint8Array | string>,
  format: ImportFormat,
  skipInvalid: boolean,
): Promise<Result> {
  const iface = migrateInterface(JSON.parse(project.interface)) as InterfaceDefinition;
  fs.mkdirSync(ctx.tmpDir, { recursive: true, mode: 0o700 });
  const spoolPath = path.join(ctx.tmpDir, `import-${randomUUID()}.jsonl`);
  const errors: { line: number; message: string }[] = [];
  let invalid = 0;
  const report = (line: number, message: string) => {
    invalid += 1;
    if (errors.length < MAX_REPORTED) errors.push({ line, message });
  };
  try {
    const counts = await spool(
      iface,
      format === 'csv' ? decodeCsvItems(source) : decodeJsonlItems(source),
      spoolPath,
      report,
    );
    if (invalid > 0 && !skipInvalid) throw importInvalid(invalid, errors);
    if (counts.valid === 0) return { imported: 0, annotations: 0, invalid, errors };
    const written = await writeTransaction(ctx.store, async (tx) => {
      const w = await insertSpooled(ctx.store, tx, project, spoolPath, report);
      // Ids that already exist are found only now; without skipInvalid they undo the whole import.
      if (invalid > 0 && !skipInvalid) throw importInvalid(invalid, errors);
      return w;
    });
    return { imported: written.items, annotations: written.annotations, invalid, errors };
  } finally {
    fs.rmSync(spoolPath, { force: true });
  }
}

const importInvalid = (invalid: number, errors: { line: number; message: string }[]) =>
  new AppError(
    'IMPORT_INVALID',
    `${invalid} invalid line${invalid === 1 ? '' : 's'}; nothing was imported. First: ${errors[0]?.message ?? ''}`,
    { invalid, errors },
  );

async function spool(
  iface: InterfaceDefinition,
  decoded: AsyncGenerator<DecodedItem>,
  spoolPath: string,
  report: (line: number, message: string) => void,
): Promise<{ valid: number }> {
  const out = fs.createWriteStream(spoolPath, { mode: 0o600 });
  const seenIds = new Map<string, number>();
  let valid = 0;
  let buffer = '';
  try {
    for await (const d of decoded) {
      if (!d.ok) {
        report(d.line, d.error);
        continue;
      }
      const problem = checkItem(iface, d.item, seenIds, d.line);
      if (problem) {
        report(d.line, `line ${d.line}: ${problem}`);
        continue;
      }
      buffer += encodeSpooled([
        d.line,
        d.item.externalId,
        JSON.stringify(d.item.data),
        JSON.stringify(d.item.meta),
        d.item.priority,
        d.item.annotations.length > 0 ? d.item.annotations : null,
      ]);
      valid += 1;
      if (buffer.length > 1 << 16) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
  } catch (err) {
    // A framing error (unterminated quote, overlong line) leaves the rest unreadable.
    if (err instanceof CodecError) report(err.line, err.message);
    else throw err;
    out.end(buffer);
    await once(out, 'close');
    throw new AppError(
      'IMPORT_INVALID',
      `${err.message}; the rest of the file cannot be read, nothing was imported.`,
      {
        invalid: 1,
        errors: [{ line: err.line, message: err.message }],
      },
    );
  }
  out.end(buffer);
  await once(out, 'close');
  return { valid };
}

function checkItem(
  iface: InterfaceDefinition,
  item: ItemInput,
  seenIds: Map<string, number>,
  line: number,
): string | null {
  const dataErrors = validateItemData(iface, item.data);
  if (dataErrors.length > 0) return dataErrors.map((e) => e.message).join('; ');
  if (item.externalId !== null) {
    const earlier = seenIds.get(item.externalId);
    if (earlier !== undefined) return `id ${JSON.stringify(item.externalId)} repeats line ${earlier}`;
    seenIds.set(item.externalId, line);
  }
  const annotators = new Set<string>();
  for (const [k, a] of item.annotations.entries()) {
    if (annotators.has(a.annotator)) return `annotations[${k}]: ${a.annotator} already annotated this item`;
    annotators.add(a.annotator);
    const result = validateAnswers(iface, a.answers, item.data, { partial: a.status === 'draft' });
    if (!result.ok) return result.errors.map((e) => `annotations[${k}].answers.${e.message}`).join('; ');
    a.answers = result.value;
  }
  return null;
}
