import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import type { ApiClient } from '../core/api/client.ts';
import { ApiError } from '../core/api/client-errors.ts';
import { parseMediaReference } from '../core/media/reference.ts';
import { CliError } from './errors.ts';

const MEDIA_TYPES = new Set(['audio', 'video', 'image']);

/** A file a line names, resolved inside the folder; or why it cannot be used. */
export function resolveInFolder(folder: string, name: string): { file: string } | { problem: string } {
  if (path.isAbsolute(name) || /^[a-zA-Z]:[\\/]/.test(name) || name.startsWith('\\'))
    return { problem: `${JSON.stringify(name)} is an absolute path; name files relative to --media` };
  if (name.split(/[\\/]/).includes('..'))
    return { problem: `${JSON.stringify(name)} steps out of the --media folder ("..")` };
  let real: string;
  try {
    real = fs.realpathSync(path.resolve(folder, name));
  } catch {
    return { problem: `${JSON.stringify(name)}: no such file in the --media folder` };
  }
  const root = fs.realpathSync(folder);
  if (!real.startsWith(root + path.sep))
    return { problem: `${JSON.stringify(name)} leads outside the --media folder (a link to ${real})` };
  if (!fs.statSync(real).isFile()) return { problem: `${JSON.stringify(name)} is not a file` };
  return { file: real };
}

interface Use {
  line: number;
  field: string;
  name: string;
}

/**
 * `verity import FILE --media DIR` (docs/media.md): every media field of a line that names a file
 * (a path relative to DIR) is uploaded and replaced by its `media:<id>`; URLs and `media:<id>`
 * stay for the server. Every path is checked before anything is uploaded (absolute paths, `..`
 * and links out of DIR are refused), and all problems are reported by line and field. Returns a
 * temporary copy of the file with the references rewritten, for the import to stream.
 */
export async function uploadLineMedia(opts: {
  client: ApiClient;
  projectId: number;
  file: string;
  folder: string;
  progress?: (done: number, total: number) => void;
}): Promise<{ file: string; uploaded: number; cleanup(): void }> {
  const { client, projectId, folder } = opts;
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    throw new CliError(`--media ${folder} is not a folder`);
  const project = await client.call('getProject', { params: { projectId } });
  const fields = project.interface.fields.filter((f) => MEDIA_TYPES.has(f.type)).map((f) => f.name);
  if (fields.length === 0)
    throw new CliError(`project ${projectId} has no audio, video or image field for --media`);

  const uses: Use[] = [];
  const files = new Map<string, string>();
  const problems: string[] = [];
  for await (const { line, value } of jsonLines(opts.file)) {
    const data = value?.data;
    if (typeof data !== 'object' || data === null) continue;
    for (const field of fields) {
      const v = (data as Record<string, unknown>)[field];
      if (typeof v !== 'string' || parseMediaReference(v).kind !== 'path') continue;
      const found = resolveInFolder(folder, v);
      if ('problem' in found) problems.push(`line ${line}: data.${field}: ${found.problem}`);
      else {
        uses.push({ line, field, name: v });
        files.set(v, found.file);
      }
    }
  }
  if (problems.length > 0)
    throw new CliError(
      `${problems.length} media path${problems.length === 1 ? '' : 's'} refused; nothing was uploaded or imported`,
      1,
      problems,
    );

  const refs = new Map<string, string>();
  const byFile = new Map<string, string>();
  let uploaded = 0;
  for (const [name, real] of files) {
    let ref = byFile.get(real);
    if (!ref) {
      ref = await upload(client, projectId, real, uses.find((u) => u.name === name)!);
      byFile.set(real, ref);
      uploaded += 1;
      opts.progress?.(uploaded, new Set(files.values()).size);
    }
    refs.set(name, ref);
  }

  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-import-')), path.basename(opts.file));
  const sink = fs.createWriteStream(out);
  for await (const { text, value } of jsonLines(opts.file)) {
    const data = value?.data as Record<string, unknown> | undefined;
    let rewritten = false;
    if (data && typeof data === 'object')
      for (const field of fields) {
        const v = data[field];
        if (typeof v === 'string' && refs.has(v)) {
          data[field] = refs.get(v);
          rewritten = true;
        }
      }
    if (!sink.write(`${rewritten ? JSON.stringify(value) : text}\n`))
      await new Promise<void>((resolve) => sink.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    sink.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return {
    file: out,
    uploaded,
    cleanup: () => fs.rmSync(path.dirname(out), { recursive: true, force: true }),
  };
}

async function upload(client: ApiClient, projectId: number, file: string, use: Use): Promise<string> {
  try {
    const res = await client.request(
      'uploadMedia',
      { params: { projectId }, query: { name: path.basename(file).slice(0, 255) } },
      {
        body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
        contentType: 'application/octet-stream',
      },
    );
    return ((await res.json()) as { ref: string }).ref;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    throw new CliError(
      `line ${use.line}: data.${use.field}: ${JSON.stringify(use.name)} was not uploaded: ${err.message}`,
      1,
      ['nothing was imported; files uploaded before it are kept, unreferenced (harmless; docs/media.md)'],
    );
  }
}

/** The lines of a JSONL file, numbered from 1, each with its parsed value (undefined when it is no JSON). */
async function* jsonLines(
  file: string,
): AsyncGenerator<{ line: number; text: string; value: { data?: unknown } | undefined }> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    let value: { data?: unknown } | undefined;
    try {
      const parsed: unknown = text.trim() === '' ? undefined : JSON.parse(text);
      value = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
    } catch {
      value = undefined;
    }
    yield { line, text, value };
  }
}
