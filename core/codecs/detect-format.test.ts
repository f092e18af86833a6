import { describe, expect, it } from 'vitest';
import { detectFormat } from './items.ts';

describe('detectFormat', () => {
  it.each([
    ['application/x-ndjson', 'jsonl'],
    ['application/jsonl', 'jsonl'],
    ['application/json-lines', 'jsonl'],
    ['application/jsonl+json', 'jsonl'],
    ['text/csv', 'csv'],
    ['Text/CSV; charset=utf-8', 'csv'],
  ])('reads %s as %s', (contentType, format) => {
    expect(detectFormat(contentType)).toBe(format);
  });

  it('falls back to the file extension when the content type names no format', () => {
    expect(detectFormat('application/octet-stream', 'items.NDJSON')).toBe('jsonl');
    expect(detectFormat(undefined, 'exports/v1.2/items.jsonl')).toBe('jsonl');
    expect(detectFormat(undefined, 'items.csv')).toBe('csv');
  });

  it('prefers the content type over the extension', () => {
    expect(detectFormat('text/csv', 'items.jsonl')).toBe('csv');
  });

  it('returns null when neither names a format', () => {
    expect(detectFormat('application/json', 'items.json')).toBeNull();
    expect(detectFormat(undefined, 'csv')).toBeNull();
    expect(detectFormat(undefined)).toBeNull();
    expect(detectFormat('', '')).toBeNull();
  });
});
