import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ExportQuery, exportQueryOf } from '../../core/api/export-filters.ts';
import { EXPORT_FORMATS, isZipFormat } from '../../core/api/export-formats.ts';
import type { ConsensusMethod } from '../../core/quality/consensus/index.ts';
import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { CliError, UsageError } from '../errors.ts';
import { note, pipeToStdout } from '../output.ts';

export const exportItems = defineCommand({
  path: ['export'],
  summary: 'Stream a project out: JSON lines per item, a training format, CSV, or a media format',
  flags: {
    ...projectFlag,
    format: {
      type: 'string',
      value: 'FORMAT',
      help: `${EXPORT_FORMATS.join(', ')} (default jsonl; docs/exports.md); all but jsonl and csv take submitted work only; webvtt, srt and mot are ZIP archives, written to --out`,
    },
    'nemo-per': {
      type: 'string',
      value: 'segment|file',
      help: 'nemo: a manifest line per segment with text (default, with its offset) or per media file',
    },
    pairs: {
      type: 'string',
      value: 'all|adjacent',
      help: 'preference formats: every ordered pair of a ranking across tiers (default), or neighbouring tiers only',
    },
    threshold: {
      type: 'string',
      value: 'N',
      help: 'kto: the normalised score from 0 to 1 (default 0.5) from which an example is labelled true',
    },
    out: { type: 'string', value: 'FILE', help: 'write to FILE instead of stdout' },
    'submitted-only': { type: 'boolean', help: 'submitted annotations only (drafts left out)' },
    'complete-only': { type: 'boolean', help: "only items that reached the project's overlap" },
    from: {
      type: 'string',
      value: 'WHEN',
      help: 'only annotations submitted at or after WHEN (2026-12-01, a UTC day, or 2026-12-01T09:30:00Z), and their items',
    },
    to: {
      type: 'string',
      value: 'WHEN',
      help: 'as --from, submitted before WHEN; a date includes its whole day',
    },
    ids: { type: 'string', value: 'IDS', help: 'only these items: ids separated by commas, at most 1000' },
    annotator: {
      type: 'string',
      value: 'EMAIL',
      help: "only this annotator's work (a suspended or offboarded tutor's too)",
    },
    'include-models': {
      type: 'boolean',
      help: "training formats: take model judges' annotations too (default: people's only; docs/judge.md)",
    },
    consensus: {
      type: 'string',
      value: 'METHOD',
      help: "jsonl: add each item's consensus per question: majority, weighted, dawid-skene (pairwise and ranking: bradley-terry); sft and preference formats: one example per item from the agreed answer instead of one per annotator",
    },
    ...httpFlags,
  },
  async run({ values }) {
    const format = enumFlag(values.format, 'format', EXPORT_FORMATS) ?? 'jsonl';
    const query = exportQueryOf({
      format,
      submittedOnly: values['submitted-only'] === true,
      completeOnly: values['complete-only'] === true,
      includeModels: values['include-models'] === true,
      ...(values.from !== undefined ? { from: values.from } : {}),
      ...(values.to !== undefined ? { to: values.to } : {}),
    });
    if (values.ids !== undefined) query.ids = values.ids;
    if (values.annotator !== undefined) query.annotator = values.annotator;
    const pairs = enumFlag(values.pairs, 'pairs', ['all', 'adjacent']);
    if (pairs !== undefined) query.pairs = pairs;
    if (values.threshold !== undefined) query.threshold = values.threshold;
    if (values.consensus !== undefined) query.consensus = values.consensus as ConsensusMethod;
    const nemoPer = enumFlag(values['nemo-per'], 'nemo-per', ['segment', 'file']);
    if (nemoPer !== undefined) query.nemoPer = nemoPer;
    if (isZipFormat(format) && values.out === undefined)
      throw new UsageError(`--format ${format} writes a ZIP archive: give --out FILE`);
    // Checked here as the server would, so a mistake names the flag rather than the parameter.
    const checked = ExportQuery.safeParse(query);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const flag = String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      throw new UsageError(`--${flag}: ${issue.message}`);
    }
    const client = createClient(httpConfig(values));
    const res = await client.request('exportItems', {
      params: { projectId: intFlag(values.project, 'project') },
      query,
    });
    if (!res.body) throw new CliError('the server sent an empty export');
    const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
    if (values.out === undefined) {
      await pipeToStdout(body);
      return 0;
    }
    // Written beside the target and renamed at the end, so a broken transfer never looks complete.
    const partial = `${values.out}.partial`;
    try {
      await pipeline(body, fs.createWriteStream(partial));
      fs.renameSync(partial, values.out);
    } catch (err) {
      fs.rmSync(partial, { force: true });
      throw new CliError(`export to ${values.out} failed: ${(err as Error).message}`);
    }
    note(`Exported project ${values.project} to ${values.out} (${fs.statSync(values.out).size} bytes).`);
    return 0;
  },
});
