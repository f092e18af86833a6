import { csvField } from '../csv.ts';
import type { ExportInterface } from './item-view.ts';
import type { ItemTransformer } from './record.ts';

const FIXED = ['item_id', 'external_id', 'annotator', 'status', 'submitted_at'];

/**
 * One row per annotation for spreadsheets (docs/exports.md): item_id, external_id, annotator,
 * status, submitted_at, then a column per question of the interface, named as the question.
 * Strings and numbers are written as they are, true and false as such, an unanswered question as
 * an empty cell, lists and objects as their JSON text. RFC 4180 (CRLF, quotes doubled) with cells
 * that a spreadsheet would run as a formula prefixed by `'` (core/csv.ts). Drafts are rows too
 * unless the export asks for submitted annotations only (`status` tells them apart); answers to
 * questions the interface no longer has are left out.
 */
export function csvTransformer(iface: ExportInterface): ItemTransformer {
  const names = iface.questions.map((q) => q.name);
  return {
    header: row([...FIXED, ...names]),
    submittedOnly: false,
    item(item, emit) {
      const externalId = item.externalId === null ? '' : csvField(item.externalId);
      for (const a of item.annotations) {
        let text = `${item.id},${externalId},${csvField(a.annotator)},${a.status},${a.submittedAt ?? ''}`;
        for (const name of names) text += `,${cell(a.answers[name])}`;
        emit(`${text}\r\n`);
      }
    },
  };
}

const row = (cells: readonly string[]): string => `${cells.map(csvField).join(',')}\r\n`;

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return csvField(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return csvField(JSON.stringify(value));
}
