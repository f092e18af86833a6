/**
 * The interface builder's editable model. It mirrors the interface JSON but holds what the form
 * edits (option lists as text, one per line; numbers as typed), and keeps every property the form
 * does not show in `extra`, so JSON -> form -> JSON loses nothing.
 */

export type Format = 'plain' | 'markdown';
export type Extra = Record<string, unknown>;

export interface FieldDraft {
  key: string;
  name: string;
  type: string;
  format: Format;
  extra: Extra;
}

export interface QuestionDraft {
  key: string;
  name: string;
  label: string;
  type: string;
  required: boolean;
  /** Options (choice, multi_choice) or labels (spans), one per line. */
  lines: string;
  min: string;
  max: string;
  /** The text field a spans question marks up. */
  field: string;
  allowOverlap: boolean;
  extra: Extra;
}

export interface InterfaceDraft {
  fields: FieldDraft[];
  questions: QuestionDraft[];
  extra: Extra;
}

let serial = 0;
export const newKey = (): string => `k${++serial}`;

export const newField = (name = ''): FieldDraft => ({
  key: newKey(),
  name,
  type: 'text',
  format: 'plain',
  extra: {},
});

export const newQuestion = (name = '', field = ''): QuestionDraft => ({
  key: newKey(),
  name,
  label: '',
  type: 'choice',
  required: false,
  lines: '',
  min: '',
  max: '',
  field,
  allowOverlap: false,
  extra: {},
});

/** Which list property a question type edits as lines, if any. */
export const linesKey = (type: string): 'options' | 'labels' | undefined =>
  type === 'choice' || type === 'multi_choice' ? 'options' : type === 'spans' ? 'labels' : undefined;
export const hasRange = (type: string): boolean => type === 'rating' || type === 'number';

const splitLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const numberOrText = (text: string): number | string => (Number.isFinite(Number(text)) ? Number(text) : text);

export function questionToRaw(q: QuestionDraft): Extra {
  const out: Extra = { name: q.name, type: q.type };
  if (q.label.trim() !== '') out.label = q.label;
  if (q.required) out.required = true;
  const list = linesKey(q.type);
  if (q.type === 'spans') out.field = q.field;
  if (list) out[list] = splitLines(q.lines);
  if (q.type === 'spans') out.allowOverlap = q.allowOverlap;
  if (hasRange(q.type)) {
    if (q.min.trim() !== '') out.min = numberOrText(q.min.trim());
    if (q.max.trim() !== '') out.max = numberOrText(q.max.trim());
  }
  return { ...out, ...q.extra };
}

export function toRaw(d: InterfaceDraft): Extra {
  return {
    version: 1,
    ...d.extra,
    fields: d.fields.map((f) => ({ name: f.name, type: f.type, format: f.format, ...f.extra })),
    questions: d.questions.map(questionToRaw),
  };
}

const isObject = (v: unknown): v is Extra => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
const without = (o: Extra, keys: readonly string[]): Extra =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** Reads any JSON into the form, leniently: what does not fit stays visible to validation. */
export function fromRaw(raw: unknown): InterfaceDraft {
  const o = isObject(raw) ? raw : {};
  const fields = Array.isArray(o.fields) ? o.fields.filter(isObject) : [];
  const questions = Array.isArray(o.questions) ? o.questions.filter(isObject) : [];
  return {
    extra: without(o, ['version', 'fields', 'questions']),
    fields: fields.map((f) => ({
      key: newKey(),
      name: text(f.name),
      type: text(f.type) || 'text',
      format: f.format === 'markdown' ? 'markdown' : 'plain',
      extra: without(f, ['name', 'type', 'format']),
    })),
    questions: questions.map(questionFromRaw),
  };
}

function questionFromRaw(q: Extra): QuestionDraft {
  const type = text(q.type);
  const list = linesKey(type);
  const listValue = list ? q[list] : undefined;
  const known = ['name', 'type', 'label', 'required', ...(list ? [list] : [])];
  if (type === 'spans') known.push('field', 'allowOverlap');
  if (hasRange(type)) known.push('min', 'max');
  return {
    key: newKey(),
    name: text(q.name),
    label: text(q.label),
    type,
    required: q.required === true,
    lines: Array.isArray(listValue) ? listValue.map(text).join('\n') : '',
    min: hasRange(type) ? text(q.min) : '',
    max: hasRange(type) ? text(q.max) : '',
    field: text(q.field),
    allowOverlap: q.allowOverlap === true,
    extra: without(q, known),
  };
}

/** Moves the element at `from` by `delta` places, returning a new array (unchanged at the ends). */
export function move<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}
