import type { CsvRecord } from './csv-parser.ts';
import {
  type DecodedItem,
  failure,
  isPriority,
  MAX_EXTERNAL_ID_LENGTH,
  priorityProblem,
} from './item-input.ts';
import { quote } from './json-shape.ts';

/** Where each CSV column goes in the item, worked out once from the header. */
export type CsvColumn =
  | { kind: 'id' }
  | { kind: 'priority' }
  | { kind: 'meta'; key: string }
  | { kind: 'data'; key: string };

const META_PREFIX = 'meta.';
const INTEGER = /^[+-]?\d+$/;

/** The column plan, or the problem with the header. */
export function planCsvColumns(header: string[]): CsvColumn[] | string {
  const seen = new Set<string>();
  const columns: CsvColumn[] = [];
  for (const [index, name] of header.entries()) {
    if (name === '') return `column ${index + 1} has an empty name`;
    if (seen.has(name)) return `duplicate column ${quote(name)}`;
    seen.add(name);
    if (name === 'id') columns.push({ kind: 'id' });
    else if (name === 'priority') columns.push({ kind: 'priority' });
    else {
      const isMeta = name.startsWith(META_PREFIX);
      const key = isMeta ? name.slice(META_PREFIX.length) : name;
      if (key === '') return `column ${index + 1} (${quote(name)}) has an empty meta key`;
      // Assigning "__proto__" would change the object's prototype instead of adding a field.
      if (key === '__proto__') return `column ${quote(name)} is not allowed`;
      columns.push({ kind: isMeta ? 'meta' : 'data', key });
    }
  }
  return columns;
}

export function decodeCsvRecord(columns: CsvColumn[], record: CsvRecord): DecodedItem {
  const { line, values } = record;
  if (values.length !== columns.length) {
    return failure(
      line,
      `${plural(values.length, 'value')} but the header has ${plural(columns.length, 'column')}`,
    );
  }
  const data: Record<string, unknown> = {};
  const meta: Record<string, unknown> = {};
  let externalId: string | null = null;
  let priority = 0;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const value = values[i]!;
    switch (column.kind) {
      case 'data':
        data[column.key] = value;
        break;
      case 'meta':
        meta[column.key] = value;
        break;
      case 'id':
        if (value.length > MAX_EXTERNAL_ID_LENGTH) {
          return failure(line, `"id" must be at most ${MAX_EXTERNAL_ID_LENGTH} characters`);
        }
        externalId = value === '' ? null : value;
        break;
      case 'priority':
        if (value === '') break;
        priority = INTEGER.test(value) ? Number(value) : Number.NaN;
        if (!isPriority(priority)) return failure(line, `${priorityProblem} (got ${quote(value)})`);
        break;
    }
  }
  return {
    line,
    ok: true,
    item: { externalId, data, meta, priority, annotations: [], predictions: [], gold: null, skills: null },
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
