import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ImportResult } from '../../core/api/items.ts';
import {
  type DecodedItem,
  decodeCsvBatches,
  decodeJsonlBatches,
  detectFormat,
  type ImportFormat,
  type ItemInput,
} from '../../core/codecs/items.ts';
import { CodecError } from '../../core/codecs/lines.ts';
import {
  type AnswerContext,
  awaitingFields,
  type InterfaceDefinition,
  migrateInterface,
  validateAnswers,
  validateItemData,
  validateSuggestedAnswers,
} from '../../core/interface/index.ts';
import { requireManage } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { goldProblem } from '../gold/gold-import.ts';
import { AppError, notFound } from '../http/errors.ts';
import { answerMediaFactsMany } from '../media/answer-facts.ts';
import { ImportMedia } from '../media/import-media.ts';
import { findProject, type ProjectRow } from '../projects/projects.repository.ts';
import { SkillCatalogue } from '../skills/catalogue.ts';
import { InsertPipeline } from './pipeline.ts';
import { encodeSpooled, STRETCH_BYTES, WRITE_BLOCK_BYTES } from './spool.ts';

const MAX_REPORTED = 1000;
type Result = z.input<typeof ImportResult>;

/** An upload as the import route receives it. */
export interface Upload {
  source: AsyncIterable<Uint8Array | string>;
  /** The request's Content-Type, which names the format unless `format` does. */
  contentType: string | undefined;
  format: ImportFormat | undefined;
  skipInvalid: boolean;
}

/** A manager's import into their project: the format from the query, else from the Content-Type. */
export async function importItems(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  upload: Upload,
): Promise<Result> {
  await requireManage(ctx.store.db, caller, projectId);
  const project = await findProject(ctx.store.db, projectId);
  if (!project) throw notFound('project');
  const format = upload.format ?? detectFormat(upload.contentType);
  if (!format) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send Content-Type application/x-ndjson (JSONL) or text/csv, or add ?format=jsonl|csv.',
    );
  }
  return importStream(ctx, {
    project,
    importedBy: caller.id,
    importer: caller,
    source: upload.source,
    format,
    skipInvalid: upload.skipInvalid,
  });
}

/**
 * Imports a stream in two passes: pass one decodes and validates every line into a spool file;
 * pass two inserts the spool in one transaction, stretch by stretch while pass one goes on (see
 * InsertPipeline). Nothing is committed if any line is invalid, unless skipInvalid.
 */
export interface ImportRequest {
  project: ProjectRow;
  /** The importing account; imported revisions record it. */
  importedBy: number;
  /** Who media fetched for the import are recorded as fetched by (the audit log); default: importedBy. */
  importer?: Pick<Caller, 'id' | 'email' | 'name'>;
  source: AsyncIterable<Uint8Array | string>;
  format: ImportFormat;
  skipInvalid: boolean;
}

export async function importStream(ctx: AppContext, request: ImportRequest): Promise<Result> {
  const { project, importedBy, source, format, skipInvalid } = request;
  const iface = migrateInterface(JSON.parse(project.interface)) as InterfaceDefinition;
  fs.mkdirSync(ctx.tmpDir, { recursive: true, mode: 0o700 });
  const spoolPath = path.join(ctx.tmpDir, `import-${randomUUID()}.jsonl`);
  const errors: { line: number; message: string }[] = [];
  let invalid = 0;
  const responsesFields = iface.fields.filter((f) => f.type === 'responses').map((f) => f.name);
  const target = {
    id: project.id,
    overlap: project.overlap,
    importedBy,
    responsesFields,
    questions: iface.questions,
    adjudication: project.adjudication,
  };
  const pipeline = InsertPipeline.open(ctx.store, target, spoolPath);
  const media = new ImportMedia(
    ctx,
    project.id,
    request.importer ?? { id: importedBy, email: null, name: `user ${importedBy}` },
    iface,
  );
  const record = (line: number, message: string) => {
    invalid += 1;
    if (errors.length < MAX_REPORTED) errors.push({ line, message });
  };
  const report = (line: number, message: string) => {
    record(line, message);
    // Without skipInvalid one bad line undoes the import: stop inserting, keep reporting.
    if (!skipInvalid) pipeline.stop();
  };
  let finished = false;
  try {
    const counts = await spool(
      iface,
      await SkillCatalogue.load(ctx.store.db),
      format === 'csv' ? decodeCsvBatches(source) : decodeJsonlBatches(source),
      spoolPath,
      report,
      // Media URLs are fetched during pass one, and their rows written then: pass two waits for
      // the end of pass one, so no open insert transaction holds the store's write lock meanwhile.
      (bytes) => (media.active ? undefined : pipeline.publish(bytes)),
      media,
      (items) => answerMediaFactsMany(ctx.store.db, { projectId: project.id, iface, items }),
    );
    if (invalid > 0 && !skipInvalid) throw importInvalid(invalid, errors);
    if (counts.valid === 0) return { imported: 0, annotations: 0, predictions: 0, invalid, errors };
    finished = true;
    const written = await pipeline.finish(counts.bytes, (r) => {
      // Ids that already exist are found only now; without skipInvalid they undo the whole import.
      for (const e of r.errors) record(e.line, e.message);
      return invalid === 0 || skipInvalid;
    });
    if (invalid > 0 && !skipInvalid) throw importInvalid(invalid, sortByLine(errors));
    return {
      imported: written.items,
      annotations: written.annotations,
      predictions: written.predictions,
      invalid,
      errors: sortByLine(errors),
    };
  } finally {
    if (!finished) await pipeline.abandon();
    fs.rmSync(spoolPath, { force: true });
  }
}

const sortByLine = (errors: { line: number; message: string }[]) => errors.sort((a, b) => a.line - b.line);

const importInvalid = (invalid: number, errors: { line: number; message: string }[]) =>
  new AppError(
    'IMPORT_INVALID',
    `${invalid} invalid line${invalid === 1 ? '' : 's'}; nothing was imported. First: ${errors[0]?.message ?? ''}`,
    { invalid, errors },
  );

/** Pass one: valid lines into the spool, written with whole lines only and published as it grows. */
async function spool(
  iface: InterfaceDefinition,
  catalogue: SkillCatalogue,
  decoded: AsyncGenerator<DecodedItem[]>,
  spoolPath: string,
  report: (line: number, message: string) => void,
  publish: (bytes: number) => void,
  media: ImportMedia,
  answerFacts: (items: Record<string, unknown>[]) => Promise<AnswerContext['media'][]>,
): Promise<{ valid: number; bytes: number }> {
  const fd = fs.openSync(spoolPath, 'w', 0o600);
  let valid = 0;
  let bytes = 0;
  let published = 0;
  let buffer = '';
  const write = () => {
    const data = Buffer.from(buffer);
    for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at);
    bytes += data.length;
    buffer = '';
  };
  try {
    for await (const batch of decoded) {
      const checked: { line: number; item: ItemInput }[] = [];
      for (const d of batch) {
        if (!d.ok) {
          report(d.line, d.error);
          continue;
        }
        const problem = checkItem(iface, d.item) ?? catalogue.problemOf(d.item.skills);
        if (problem) {
          report(d.line, `line ${d.line}: ${problem}`);
          continue;
        }
        checked.push({ line: d.line, item: d.item });
      }
      const mediaProblems = media.active
        ? await media.resolve(
            checked.map((d) => ({ line: d.line, data: d.item.data as Record<string, unknown> })),
          )
        : undefined;
      // Answers over media are checked again against the probed facts, known once resolved.
      const facts = await answerFacts(checked.map((d) => d.item.data as Record<string, unknown>));
      for (const [i, d] of checked.entries()) {
        const mediaProblem = mediaProblems?.get(d.line) ?? factsProblem(iface, d, facts[i]);
        if (mediaProblem) {
          report(d.line, mediaProblem);
          continue;
        }
        buffer += encodeSpooled({
          line: d.line,
          externalId: d.item.externalId,
          data: JSON.stringify(d.item.data),
          meta: JSON.stringify(d.item.meta),
          priority: d.item.priority,
          annotations: d.item.annotations.length > 0 ? d.item.annotations : null,
          predictions: d.item.predictions.length > 0 ? d.item.predictions : null,
          gold: d.item.gold,
          skills: d.item.skills && JSON.stringify(d.item.skills),
        });
        valid += 1;
      }
      if (buffer.length >= WRITE_BLOCK_BYTES) write();
      if (bytes - published >= STRETCH_BYTES) {
        published = bytes;
        publish(bytes);
      }
    }
    // The last stretch is not published: finish() takes it, and an import that never reached a
    // first publish is known to be small.
    if (buffer.length > 0) write();
  } catch (err) {
    // A framing error (unterminated quote, overlong line) leaves the rest unreadable.
    if (!(err instanceof CodecError)) throw err;
    report(err.line, err.message);
    throw new AppError(
      'IMPORT_INVALID',
      `${err.message}; the rest of the file cannot be read, nothing was imported.`,
      {
        invalid: 1,
        errors: [{ line: err.line, message: err.message }],
      },
    );
  } finally {
    fs.closeSync(fd);
  }
  return { valid, bytes };
}

/** Checks an item against the interface. Taken ids (also by an earlier line) are found by pass two. */
function checkItem(iface: InterfaceDefinition, item: ItemInput): string | null {
  const dataErrors = validateItemData(iface, item.data);
  if (dataErrors.length > 0) return dataErrors.map((e) => e.message).join('; ');
  const awaiting = awaitingFields(iface, item.data);
  if (awaiting.length > 0 && item.annotations.length > 0)
    return `annotations: the item awaits the candidates of ${awaiting.map((f) => `"${f}"`).join(', ')}; annotations can come only with them`;
  const annotators = new Set<string>();
  for (const [k, a] of item.annotations.entries()) {
    // Emails name accounts whatever their case; external names are taken as written.
    const who = a.annotator.includes('@') ? a.annotator.toLowerCase() : a.annotator;
    if (annotators.has(who)) return `annotations[${k}]: ${a.annotator} already annotated this item`;
    annotators.add(who);
  }
  return answersProblem(iface, item, undefined);
}

/** What the probed facts of an item's media make wrong with its answers, or null. */
function factsProblem(
  iface: InterfaceDefinition,
  d: { line: number; item: ItemInput },
  media: AnswerContext['media'],
): string | null {
  if (media === undefined || Object.keys(media).length === 0) return null;
  const problem = answersProblem(iface, d.item, media);
  return problem && `line ${d.line}: ${problem}`;
}

/**
 * Checks (and normalises, in place) an item's annotations, gold and predictions; `media`: the
 * probed facts of its media fields, known once its media references are resolved.
 */
function answersProblem(
  iface: InterfaceDefinition,
  item: ItemInput,
  media: AnswerContext['media'],
): string | null {
  for (const [k, a] of item.annotations.entries()) {
    const result = validateAnswers(iface, a.answers, item.data, { partial: a.status === 'draft', media });
    if (!result.ok) return result.errors.map((e) => `annotations[${k}].answers.${e.message}`).join('; ');
    a.answers = result.value;
  }
  if (item.gold !== null) {
    const problem = goldProblem(iface, item, media);
    if (problem) return problem;
  }
  for (const [k, p] of item.predictions.entries()) {
    // Each answer as a submitted one is checked, since a tutor may submit it unchanged.
    const result = validateSuggestedAnswers(iface, p.answers, item.data, { media });
    if (!result.ok) return result.errors.map((e) => `predictions[${k}].answers.${e.message}`).join('; ');
    p.answers = result.value;
  }
  return null;
}
