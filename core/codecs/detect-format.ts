export type ImportFormat = 'jsonl' | 'csv';

const BY_CONTENT_TYPE = new Map<string, ImportFormat>([
  ['application/x-ndjson', 'jsonl'],
  ['application/jsonl', 'jsonl'],
  ['application/json-lines', 'jsonl'],
  ['application/jsonl+json', 'jsonl'],
  ['text/csv', 'csv'],
]);

const BY_EXTENSION = new Map<string, ImportFormat>([
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['csv', 'csv'],
]);

/**
 * The import format named by a Content-Type (parameters such as `charset` ignored), else by the
 * file name's extension; null when neither names one.
 */
export function detectFormat(contentType: string | undefined, fileName?: string): ImportFormat | null {
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const extension = fileName?.includes('.')
    ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
    : '';
  return BY_CONTENT_TYPE.get(mediaType) ?? BY_EXTENSION.get(extension) ?? null;
}
