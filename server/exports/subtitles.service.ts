import { Readable } from 'node:stream';
import type { SubtitlesQuery } from '../../core/api/subtitles.ts';
import { segmentsIn, subtitleFile, subtitleFileName } from '../../core/exports/index.ts';
import { migrateInterface } from '../../core/interface/index.ts';
import { projectAccess } from '../access.ts';
import { recordExport } from '../audit/audit.service.ts';
import type { AppContext, Caller } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import type { StreamedFile } from '../http/register.ts';
import { annotationsOfItem, findItem } from '../items/items.repository.ts';
import { findProject } from '../projects/projects.repository.ts';

/**
 * One annotation's answer to a segments question as a WebVTT or SubRip file (docs/exports.md,
 * "webvtt and srt"). Whoever may see the annotation may have it, as the item page shows it:
 * managers and reviewers anyone's, an annotator their own; anything else is 404. Recorded in the
 * audit log as every export is (`export.subtitles`).
 */
export async function itemSubtitles(
  ctx: AppContext,
  caller: Caller,
  itemId: number,
  query: SubtitlesQuery,
): Promise<StreamedFile> {
  const db = ctx.store.db;
  const item = await findItem(db, itemId);
  if (!item) throw notFound('item');
  const access = await projectAccess(db, caller, item.projectId).catch(() => {
    throw notFound('item');
  });
  const mine = await annotationsOfItem(db, { itemId, userId: access.viewAll ? undefined : caller.id });
  // An annotator with no work on the item is told what getItem tells them: no such item.
  if (!access.viewAll && mine.length === 0) throw notFound('item');
  const project = (await findProject(db, item.projectId))!;
  const iface = migrateInterface(JSON.parse(project.interface));
  const question = iface.questions.find((q) => q.name === query.question);
  if (question?.type !== 'segments') {
    const message = `query.question: ${query.question} is not a segments question of this project`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'query.question', message }]);
  }
  const annotation =
    query.annotator === undefined
      ? mine.find((a) => a.userId === caller.id)
      : mine.find((a) => a.annotator === query.annotator);
  if (!annotation) throw notFound('annotation');
  const answer = (JSON.parse(annotation.answers) as Record<string, unknown>)[question.name];
  const text = subtitleFile(segmentsIn(Array.isArray(answer) ? answer : []), query.format);
  await recordExport(
    ctx,
    caller,
    { action: 'export.subtitles', targetType: 'item', targetId: itemId, projectId: item.projectId },
    query.format,
    { question: question.name, annotator: annotation.annotator },
  );
  const fileName = subtitleFileName(
    { id: item.id, externalId: item.externalId },
    annotation.annotator,
    question.name,
    query.format,
  );
  return { body: Readable.from([Buffer.from(text, 'utf8')]), kind: query.format, fileName };
}
