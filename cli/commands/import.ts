import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { ApiError } from '../../core/api/client-errors.ts';
import { type ImportResult, importSummary } from '../../core/api/items.ts';
import { detectFormat, type ImportFormat } from '../../core/codecs/items.ts';
import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { apiErrorLines, CliError, isRecord, UsageError } from '../errors.ts';
import { uploadLineMedia } from '../media-upload.ts';
import { note, printJson } from '../output.ts';
import { byteProgress } from '../progress.ts';

type ImportResultOut = z.output<typeof ImportResult>;

const CONTENT_TYPE: Record<ImportFormat, string> = {
  jsonl: 'application/x-ndjson',
  csv: 'text/csv; charset=utf-8',
};

export const importItems = defineCommand({
  path: ['import'],
  positionals: ['FILE'],
  summary: 'Import items from a JSONL or CSV file, streamed to the server; all or nothing by default',
  flags: {
    ...projectFlag,
    format: { type: 'string', value: 'FORMAT', help: 'jsonl|csv (default: from the file extension)' },
    'skip-invalid': { type: 'boolean', help: 'import the valid lines and report the invalid ones' },
    media: {
      type: 'string',
      value: 'DIR',
      help: 'upload the files the lines name in audio, video and image fields, relative to DIR (JSONL only)',
    },
    ...httpFlags,
  },
  async run({ values, positionals }) {
    const file = positionals[0]!;
    const format = enumFlag(values.format, 'format', ['jsonl', 'csv']) ?? detectFormat(undefined, file);
    if (!format)
      throw new UsageError(`cannot tell the format of ${file} from its extension; pass --format jsonl|csv`);
    fileSize(file);
    const client = createClient(httpConfig(values));
    const projectId = intFlag(values.project, 'project');
    let media: Awaited<ReturnType<typeof uploadLineMedia>> | undefined;
    if (values.media !== undefined) {
      if (format !== 'jsonl') throw new UsageError('--media works with JSONL files');
      media = await uploadLineMedia({ client, projectId: projectId!, file, folder: values.media });
      if (media.uploaded > 0) note(`${media.uploaded} media file${media.uploaded === 1 ? '' : 's'} uploaded`);
    }
    try {
      return await sendImport({
        client,
        projectId: projectId!,
        file: media?.file ?? file,
        format,
        skipInvalid: values['skip-invalid'] ?? false,
      });
    } finally {
      media?.cleanup();
    }
  },
});

/** Streams the file to the import route, with a progress bar on a terminal; the exit code. */
async function sendImport(opts: {
  client: ReturnType<typeof createClient>;
  projectId: number;
  file: string;
  format: ImportFormat;
  skipInvalid: boolean;
}): Promise<number> {
  const { client, projectId, format, skipInvalid } = opts;
  const size = fileSize(opts.file);
  const source = fs.createReadStream(opts.file);
  const progress = process.stderr.isTTY ? byteProgress(size, process.stderr) : undefined;
  let body: Readable = source;
  if (progress) {
    source.on('error', (err) => progress.counter.destroy(err));
    body = source.pipe(progress.counter);
  }
  try {
    const res = await client.request(
      'importItems',
      { params: { projectId }, query: { skipInvalid: skipInvalid ? 'true' : 'false' } },
      { body: Readable.toWeb(body) as ReadableStream<Uint8Array>, contentType: CONTENT_TYPE[format] },
    );
    progress?.done();
    const result = (await res.json()) as ImportResultOut;
    printJson(result);
    note(importSummary(result));
    return 0;
  } catch (err) {
    progress?.done();
    if (err instanceof ApiError && err.code === 'IMPORT_INVALID' && !skipInvalid) return reportInvalid(err);
    throw err;
  }
}

/** Every line error the server reported, then what to do about them. */
function reportInvalid(err: ApiError): number {
  const d = isRecord(err.details) ? err.details : {};
  const lines = apiErrorLines(err);
  const count = typeof d.invalid === 'number' ? d.invalid : lines.length;
  if (count > lines.length) lines.push(`… and ${count - lines.length} more invalid lines not listed`);
  lines.push(
    `${count} invalid line${count === 1 ? '' : 's'}; nothing was imported (use --skip-invalid to import the valid lines)`,
  );
  process.stderr.write(`${lines.join('\n')}\n`);
  return 1;
}

function fileSize(file: string): number {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliError(`${file} is not a file`);
    return stat.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(
      `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
}
