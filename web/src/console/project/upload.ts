import type { z } from 'zod';
import { ApiError, errorFromAnswer, NetworkError } from '../../../../core/api/client-errors.ts';
import type { ImportResult } from '../../../../core/api/items.ts';
import { api, getCsrfToken } from '../../api/client.ts';

export type ImportOutcome = z.output<typeof ImportResult>;
export type ImportFormat = 'jsonl' | 'csv';

export const formatOf = (file: File): ImportFormat | undefined => {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (/\.(jsonl|ndjson|json)$/.test(name) || file.type === 'application/x-ndjson') return 'jsonl';
  return undefined;
};

/** Sends a file of items to the import route, with upload progress. */
export function uploadItems(
  projectId: number,
  file: File,
  opts: {
    format: ImportFormat;
    skipInvalid: boolean;
    onProgress(fraction: number): void;
    signal?: AbortSignal;
  },
): Promise<ImportOutcome> {
  const url = api.url('importItems', {
    params: { projectId },
    query: { format: opts.format, skipInvalid: opts.skipInvalid ? 'true' : 'false' },
  });
  const contentType = opts.format === 'csv' ? 'text/csv' : 'application/x-ndjson';
  return postWithProgress<ImportOutcome>(url, file, { contentType, ...opts });
}

/**
 * Sends a file as the request body with upload progress. `fetch` reports no upload progress, so
 * uploads use XMLHttpRequest; it speaks the same contract as the typed client (route, CSRF
 * header, error envelope).
 */
export function postWithProgress<T>(
  url: string,
  file: Blob,
  opts: { contentType: string; onProgress(fraction: number): void; signal?: AbortSignal },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', opts.contentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', getCsrfToken());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300)
        return reject(errorFromAnswer(xhr.status, xhr.responseText, xhr.statusText));
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch (err) {
        reject(err);
      }
    };
    xhr.onerror = () => reject(new NetworkError('', new Error('The upload request failed.')));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** The per-line problems of an IMPORT_INVALID error. */
export function lineErrorsOf(
  err: unknown,
): { invalid: number; errors: { line: number; message: string }[] } | null {
  if (!(err instanceof ApiError) || err.code !== 'IMPORT_INVALID') return null;
  const d = (err.details ?? {}) as { invalid?: unknown; errors?: unknown };
  const errors = Array.isArray(d.errors) ? (d.errors as { line: number; message: string }[]) : [];
  return { invalid: typeof d.invalid === 'number' ? d.invalid : errors.length, errors };
}
