/**
 * The interface builder's editable model. It mirrors the interface JSON but holds what the form
 * edits (numbers as typed, option lists also as the text of their box), and keeps every property
 * the form does not know in `extra`, so JSON -> form -> JSON loses nothing. Every property of
 * core's schemas has an input (formProperties; draft.test.ts checks the list against core).
 */

import { type CriteriaOf, type CriterionDraft, criteriaFromRaw, criterionToRaw } from './draft-criteria.ts';
import { type MediaDraft, mediaFromRaw, mediaToRaw, newMediaDraft } from './draft-media.ts';
import { type Extra, isObject, newKey, optionalText, text, typed, without } from './draft-values.ts';

export type { Extra } from './draft-values.ts';
export { newKey, splitLines } from './draft-values.ts';

export type Format = 'plain' | 'markdown';

export interface FieldDraft {
  key: string;
  name: string;
  type: string;
  /** Shown to annotators instead of the name; '' for none. */
  label: string;
  /** text and responses fields: how the text is shown. */
  format: Format;
  /** responses: whether annotators see each candidate's model name. */
  revealModels: boolean;
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
  /**
   * A list typed one per line: options (choice, multi_choice), labels (spans, pairwise) or flags
   * (turns); the list, and the box's text.
   */
  items: string[];
  lines: string;
  /** rating and number bounds, and the bounds of a turns question's rating, as typed. */
  min: string;
  max: string;
  /** multi_choice: how many may or must be selected, as typed. */
  minSelected: string;
  maxSelected: string;
  /** number: whole numbers only. */
  integer: boolean;
  /** text and rewrite: the longest answer in characters (as typed); text: a text area instead of one line. */
  maxLength: string;
  multiline: boolean;
  /** The field the question works on (spans: a text field; the tutoring kinds: candidates, chat). */
  field: string;
  allowOverlap: boolean;
  /** The field holding the prompt (questions over candidates); undefined: the default one. */
  prompt: string | undefined;
  /** pairwise: the points of the scale (3, 5 or 7, as chosen); own labels (`items`) or the default ones. */
  scale: string;
  ownLabels: boolean;
  /** pairwise (optional) and rubric criteria; undefined when the JSON has none. */
  criteria: CriterionDraft[] | undefined;
  /** pairwise: the strength from which a justification is required, as typed; '' for never. */
  requireJustificationFrom: string;
  /** ranking: candidates may share a place. */
  allowTies: boolean;
  /** rubric: grade each candidate or one; comments per criterion. */
  grade: string;
  comments: boolean;
  /** steps: how a response is cut into steps; the item data key of given steps (text fields). */
  split: string;
  stepsKey: string;
  /** live: the system prompt ('' for none) and the most messages of the tutor, as typed. */
  system: string;
  maxTurns: string;
  /** turns and live: what is asked of each assistant turn (the rating's bounds are min and max, the flags items). */
  askRating: boolean;
  askFlags: boolean;
  rewrite: boolean;
  /** segments, frames and tracks: their own settings (draft-media.ts). */
  media: MediaDraft;
  extra: Extra;
}

export interface InterfaceDraft {
  fields: FieldDraft[];
  questions: QuestionDraft[];
  extra: Extra;
}

const overCandidates = ['field', 'prompt'] as const;

/** The properties the form edits: of every field and each field type, of every question and each question type. */
export const formProperties = {
  field: ['name', 'type', 'label'],
  fieldByType: {
    text: ['format'],
    chat: [],
    responses: ['format', 'revealModels'],
    audio: [],
    video: [],
    image: [],
  } as Record<string, readonly string[]>,
  question: ['name', 'type', 'label', 'description', 'required'],
  byType: {
    choice: ['options'],
    multi_choice: ['options', 'minSelected', 'maxSelected'],
    spans: ['field', 'labels', 'allowOverlap'],
    rating: ['min', 'max'],
    number: ['min', 'max', 'integer'],
    text: ['maxLength', 'multiline'],
    pairwise: [...overCandidates, 'scale', 'labels', 'criteria', 'requireJustificationFrom'],
    ranking: [...overCandidates, 'allowTies'],
    rubric: [...overCandidates, 'grade', 'criteria', 'comments'],
    steps: [...overCandidates, 'split', 'stepsKey'],
    rewrite: [...overCandidates, 'maxLength'],
    turns: ['field', 'rating', 'flags', 'rewrite'],
    live: ['field', 'system', 'rating', 'flags', 'rewrite', 'maxTurns', 'maxLength'],
    segments: [
      ...['field', 'labels', 'allowOverlap', 'minLength', 'maxLength'],
      ...['text', 'speakers', 'speakerNames', 'mode'],
    ],
    frames: ['field', 'labels', 'mode'],
    tracks: ['field', 'labels', 'maxTracks'],
  } as Record<string, readonly string[]>,
} as const;

/** The properties a field of this type has in the form. */
export const fieldProperties = (type: string): string[] => [
  ...formProperties.field,
  ...(formProperties.fieldByType[type] ?? ['format']),
];
/** The properties a question of this type has in the form. */
export const questionProperties = (type: string): string[] => [
  ...formProperties.question,
  ...(formProperties.byType[type] ?? []),
];

export const newField = (name = ''): FieldDraft => ({
  key: newKey(),
  name,
  type: 'text',
  label: '',
  format: 'plain',
  revealModels: false,
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
  prompt: undefined,
  scale: '7',
  ownLabels: false,
  criteria: undefined,
  requireJustificationFrom: '',
  allowTies: false,
  grade: 'each',
  comments: true,
  split: 'paragraphs',
  stepsKey: '',
  askRating: false,
  askFlags: false,
  rewrite: false,
  system: '',
  maxTurns: '',
  media: newMediaDraft(),
  extra: {},
});

/** Which list property a question type edits as lines, if any. */
export const linesKey = (type: string): 'options' | 'labels' | 'flags' | undefined =>
  type === 'choice' || type === 'multi_choice'
    ? 'options'
    : type === 'spans' || type === 'pairwise' || type === 'segments' || type === 'frames' || type === 'tracks'
      ? 'labels'
      : type === 'turns' || type === 'live'
        ? 'flags'
        : undefined;
export const hasRange = (type: string): boolean => type === 'rating' || type === 'number';
/** Question types whose criteria the form edits, and which properties of them. */
const criteriaOf = (type: string): CriteriaOf | undefined =>
  type === 'pairwise' || type === 'rubric' ? type : undefined;

export function questionToRaw(q: QuestionDraft): Extra {
  const out: Extra = { name: q.name, type: q.type };
  if (q.label !== '') out.label = q.label;
  if (q.description !== undefined) out.description = q.description;
  if (q.required) out.required = true;
  const set = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  const candidates = () => {
    out.field = q.field;
    set('prompt', q.prompt);
  };
  const criteria = (of: CriteriaOf) =>
    set(
      'criteria',
      q.criteria?.map((c) => criterionToRaw(c, of)),
    );
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
    case 'pairwise':
      candidates();
      set('scale', typed(q.scale));
      if (q.ownLabels) out.labels = q.items;
      criteria('pairwise');
      set('requireJustificationFrom', typed(q.requireJustificationFrom));
      break;
    case 'ranking':
      candidates();
      out.allowTies = q.allowTies;
      break;
    case 'rubric':
      candidates();
      set('grade', optionalText(q.grade));
      criteria('rubric');
      out.comments = q.comments;
      break;
    case 'steps':
      candidates();
      set('split', optionalText(q.split));
      set('stepsKey', optionalText(q.stepsKey));
      break;
    case 'rewrite':
      set('field', optionalText(q.field));
      set('prompt', q.prompt);
      set('maxLength', typed(q.maxLength));
      break;
    case 'turns':
    case 'live':
      if (q.type === 'live') {
        set('field', optionalText(q.field));
        set('system', optionalText(q.system));
        set('maxTurns', typed(q.maxTurns));
        set('maxLength', typed(q.maxLength));
      } else out.field = q.field;
      if (q.askRating) {
        const min = typed(q.min);
        const max = typed(q.max);
        out.rating = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
      }
      if (q.askFlags) out.flags = q.items;
      out.rewrite = q.rewrite;
      break;
    case 'segments':
    case 'frames':
    case 'tracks':
      mediaToRaw(q, out);
      break;
  }
  return { ...out, ...q.extra };
}

export function fieldToRaw(f: FieldDraft): Extra {
  const has = (key: string) => (formProperties.fieldByType[f.type] ?? ['format']).includes(key);
  return {
    name: f.name,
    type: f.type,
    ...(f.label !== '' ? { label: f.label } : {}),
    ...(has('format') ? { format: f.format } : {}),
    ...(has('revealModels') ? { revealModels: f.revealModels } : {}),
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

/** Reads any JSON into the form, leniently: what does not fit stays visible to validation. */
export function fromRaw(raw: unknown): InterfaceDraft {
  const o = isObject(raw) ? raw : {};
  const fields = Array.isArray(o.fields) ? o.fields.filter(isObject) : [];
  const questions = Array.isArray(o.questions) ? o.questions.filter(isObject) : [];
  return {
    extra: without(o, ['version', 'fields', 'questions']),
    fields: fields.map(fieldFromRaw),
    questions: questions.map(questionFromRaw),
  };
}

function fieldFromRaw(f: Extra): FieldDraft {
  const type = text(f.type) || 'text';
  // A candidates' format defaults to Markdown, a text's to plain (core's defaults).
  const markdown = f.format === 'markdown' || (type === 'responses' && f.format === undefined);
  return {
    key: newKey(),
    name: text(f.name),
    type,
    label: text(f.label),
    format: markdown ? 'markdown' : 'plain',
    revealModels: f.revealModels === true,
    extra: without(f, fieldProperties(type)),
  };
}

function questionFromRaw(q: Extra): QuestionDraft {
  const type = text(q.type);
  const list = linesKey(type);
  const listValue = list ? q[list] : undefined;
  const items = Array.isArray(listValue) ? listValue.map(text) : [];
  const perTurn = type === 'turns' || type === 'live';
  const rating = perTurn && isObject(q.rating) ? q.rating : undefined;
  const of = criteriaOf(type);
  return {
    key: newKey(),
    name: text(q.name),
    label: text(q.label),
    description: q.description === undefined ? undefined : text(q.description),
    type,
    required: q.required === true,
    items,
    lines: items.join('\n'),
    min: hasRange(type) ? text(q.min) : rating ? text(rating.min) : '',
    max: hasRange(type) ? text(q.max) : rating ? text(rating.max) : '',
    minSelected: text(q.minSelected),
    maxSelected: text(q.maxSelected),
    integer: q.integer === true,
    maxLength: text(q.maxLength),
    multiline: q.multiline === true,
    field: text(q.field),
    allowOverlap: q.allowOverlap === true,
    prompt: q.prompt === undefined ? undefined : text(q.prompt),
    scale: q.scale === undefined ? '7' : text(q.scale),
    ownLabels: type === 'pairwise' && q.labels !== undefined,
    criteria: of ? criteriaFromRaw(q.criteria, of) : undefined,
    requireJustificationFrom: text(q.requireJustificationFrom),
    allowTies: q.allowTies === true,
    grade: q.grade === undefined ? 'each' : text(q.grade),
    comments: q.comments === undefined || q.comments === true,
    split: q.split === undefined ? 'paragraphs' : text(q.split),
    stepsKey: text(q.stepsKey),
    askRating: q.rating !== undefined,
    askFlags: perTurn && q.flags !== undefined,
    rewrite: q.rewrite === true,
    system: text(q.system),
    maxTurns: text(q.maxTurns),
    media: mediaFromRaw(q),
    extra: without(q, questionProperties(type)),
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
