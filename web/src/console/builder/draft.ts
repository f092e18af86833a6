/**
 * The interface builder's editable model. It mirrors the interface JSON but holds what the form
 * edits (numbers as typed, option lists also as the text of their box), and keeps every property
 * the form does not know in `extra`, so JSON -> form -> JSON loses nothing. Every property of
 * core's schemas has an input (formProperties; draft.test.ts checks the list against core).
 */

export type Format = 'plain' | 'markdown';
export type Extra = Record<string, unknown>;

export interface FieldDraft {
  key: string;
  name: string;
  type: string;
  /** Shown to annotators instead of the name; '' for none. */
  label: string;
  format: Format;
  extra: Extra;
}

export interface QuestionDraft {
  key: string;
  name: string;
  label: string;
  /** undefined: no description (an empty one given in JSON stays empty). */
  description: string | undefined;
  type: string;
  required: boolean;
  /** Options (choice, multi_choice) or labels (spans): the list, and the box's text, one per line. */
  items: string[];
  lines: string;
  /** rating and number bounds, as typed. */
  min: string;
  max: string;
  /** multi_choice: how many may or must be selected, as typed. */
  minSelected: string;
  maxSelected: string;
  /** number: whole numbers only. */
  integer: boolean;
  /** text: the longest answer in characters (as typed), and a text area instead of one line. */
  maxLength: string;
  multiline: boolean;
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

/** The properties the form edits: of a field, of every question, and of each question type. */
export const formProperties = {
  field: ['name', 'type', 'label', 'format'],
  question: ['name', 'type', 'label', 'description', 'required'],
  byType: {
    choice: ['options'],
    multi_choice: ['options', 'minSelected', 'maxSelected'],
    spans: ['field', 'labels', 'allowOverlap'],
    rating: ['min', 'max'],
    number: ['min', 'max', 'integer'],
    text: ['maxLength', 'multiline'],
  } as Record<string, readonly string[]>,
} as const;

let serial = 0;
export const newKey = (): string => `k${++serial}`;

export const newField = (name = ''): FieldDraft => ({
  key: newKey(),
  name,
  type: 'text',
  label: '',
  format: 'plain',
  extra: {},
});

export const newQuestion = (name = '', field = ''): QuestionDraft => ({
  key: newKey(),
  name,
  label: '',
  description: undefined,
  type: 'choice',
  required: false,
  items: [],
  lines: '',
  min: '',
  max: '',
  minSelected: '',
  maxSelected: '',
  integer: false,
  maxLength: '',
  multiline: false,
  field,
  allowOverlap: false,
  extra: {},
});

/** Which list property a question type edits as lines, if any. */
export const linesKey = (type: string): 'options' | 'labels' | undefined =>
  type === 'choice' || type === 'multi_choice' ? 'options' : type === 'spans' ? 'labels' : undefined;
export const hasRange = (type: string): boolean => type === 'rating' || type === 'number';

/** The list a box of lines holds: one entry per line, trimmed, blank lines left out. */
export const splitLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const numberOrText = (text: string): number | string => (Number.isFinite(Number(text)) ? Number(text) : text);
/** A number as typed; what is not a number stays text, for validation to name. */
const typed = (text: string): number | string | undefined =>
  text.trim() === '' ? undefined : numberOrText(text.trim());

export function questionToRaw(q: QuestionDraft): Extra {
  const out: Extra = { name: q.name, type: q.type };
  if (q.label !== '') out.label = q.label;
  if (q.description !== undefined) out.description = q.description;
  if (q.required) out.required = true;
  const set = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  switch (q.type) {
    case 'choice':
      out.options = q.items;
      break;
    case 'multi_choice':
      out.options = q.items;
      set('minSelected', typed(q.minSelected));
      set('maxSelected', typed(q.maxSelected));
      break;
    case 'spans':
      out.field = q.field;
      out.labels = q.items;
      out.allowOverlap = q.allowOverlap;
      break;
    case 'rating':
    case 'number':
      set('min', typed(q.min));
      set('max', typed(q.max));
      if (q.type === 'number' && q.integer) out.integer = true;
      break;
    case 'text':
      set('maxLength', typed(q.maxLength));
      if (q.multiline) out.multiline = true;
      break;
  }
  return { ...out, ...q.extra };
}

export function fieldToRaw(f: FieldDraft): Extra {
  return {
    name: f.name,
    type: f.type,
    ...(f.label !== '' ? { label: f.label } : {}),
    format: f.format,
    ...f.extra,
  };
}

export function toRaw(d: InterfaceDraft): Extra {
  return {
    version: 1,
    ...d.extra,
    fields: d.fields.map(fieldToRaw),
    questions: d.questions.map(questionToRaw),
  };
}

const isObject = (v: unknown): v is Extra => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : Object.is(v, -0) ? '-0' : String(v);
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
      label: text(f.label),
      format: f.format === 'markdown' ? 'markdown' : 'plain',
      extra: without(f, formProperties.field),
    })),
    questions: questions.map(questionFromRaw),
  };
}

function questionFromRaw(q: Extra): QuestionDraft {
  const type = text(q.type);
  const list = linesKey(type);
  const listValue = list ? q[list] : undefined;
  const items = Array.isArray(listValue) ? listValue.map(text) : [];
  const known = [...formProperties.question, ...(formProperties.byType[type] ?? [])];
  return {
    key: newKey(),
    name: text(q.name),
    label: text(q.label),
    description: q.description === undefined ? undefined : text(q.description),
    type,
    required: q.required === true,
    items,
    lines: items.join('\n'),
    min: hasRange(type) ? text(q.min) : '',
    max: hasRange(type) ? text(q.max) : '',
    minSelected: text(q.minSelected),
    maxSelected: text(q.maxSelected),
    integer: q.integer === true,
    maxLength: text(q.maxLength),
    multiline: q.multiline === true,
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
