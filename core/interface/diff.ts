import { isTutoringKind, tutoringChange } from './diff-tutoring.ts';
import type { InterfaceDefinition } from './interface.ts';
import { isMediaQuestionType } from './media-questions.ts';
import type { QuestionDefinition } from './questions/registry.ts';

/**
 * Which existing answers to one question a breaking change affects: a plan the stores turn into
 * SQL (server/projects/interface-versions.repository.ts). `submittedOnly` tests are about
 * completeness, which drafts need not have yet.
 */
export type AffectedTest =
  | { test: 'answered' }
  | { test: 'is'; value: string }
  | { test: 'includes'; value: string }
  | { test: 'hasLabel'; value: string }
  | { test: 'below' | 'above' | 'longerThan' | 'moreThan'; limit: number }
  | { test: 'fewerThan'; limit: number; submittedOnly: true }
  | { test: 'unanswered'; submittedOnly: true }
  | { test: 'fractional' }
  | { test: 'overlapping' };

/** A change that can make existing answers (or items) invalid: it needs confirmation. */
export interface BreakingChange {
  kind:
    | 'question_removed'
    | 'question_type_changed'
    | 'option_removed'
    | 'label_removed'
    | 'field_changed'
    | 'constraint_tightened'
    | 'field_added'
    | 'field_type_changed';
  question?: string;
  field?: string;
  option?: string;
  label?: string;
  /** The setting tightened, for `constraint_tightened`: min, max, integer, maxLength, required… */
  constraint?: string;
  /** The answers it affects, or null when it affects items rather than answers (a new field). */
  affects: (AffectedTest & { question: string }) | null;
}

/** A change that leaves every existing answer valid: it applies at once. */
export interface SafeChange {
  kind:
    | 'question_added'
    | 'option_added'
    | 'label_added'
    | 'field_removed'
    | 'display_changed'
    | 'constraint_loosened'
    | 'reordered';
  question?: string;
  field?: string;
  option?: string;
  label?: string;
}

export interface InterfaceDiff {
  /** False when `after` is `before` (the version stays). */
  changed: boolean;
  safe: SafeChange[];
  breaking: BreakingChange[];
}

type Q = QuestionDefinition;
/** Settings that change only what people see, never which answers are valid. */
const DISPLAY_KEYS = new Set(['label', 'description', 'multiline', 'format']);

/**
 * What changes from one interface to the next. Questions and fields are the same when their
 * names are: a rename is a removal plus an addition. Pure; the server counts the answers each
 * breaking change affects.
 */
export function diffInterfaces(before: InterfaceDefinition, after: InterfaceDefinition): InterfaceDiff {
  const safe: SafeChange[] = [];
  const breaking: BreakingChange[] = [];
  const oldFields = new Map(before.fields.map((f) => [f.name, f]));
  const newFields = new Map(after.fields.map((f) => [f.name, f]));
  for (const f of after.fields) {
    const was = oldFields.get(f.name);
    if (!was) breaking.push({ kind: 'field_added', field: f.name, affects: null });
    else if (was.type !== f.type) breaking.push({ kind: 'field_type_changed', field: f.name, affects: null });
    else if (!same(was, f)) safe.push({ kind: 'display_changed', field: f.name });
  }
  for (const f of before.fields)
    if (!newFields.has(f.name)) safe.push({ kind: 'field_removed', field: f.name });

  const oldQuestions = new Map(before.questions.map((q) => [q.name, q]));
  const newNames = new Set(after.questions.map((q) => q.name));
  for (const q of before.questions) {
    if (!newNames.has(q.name))
      breaking.push({
        kind: 'question_removed',
        question: q.name,
        affects: { question: q.name, test: 'answered' },
      });
  }
  for (const q of after.questions) {
    const was = oldQuestions.get(q.name);
    if (!was) safe.push({ kind: 'question_added', question: q.name });
    else if (was.type !== q.type)
      breaking.push({
        kind: 'question_type_changed',
        question: q.name,
        affects: { question: q.name, test: 'answered' },
      });
    else compareQuestion(was, q, safe, breaking);
  }
  const changed = !same(strip(before), strip(after));
  if (changed && safe.length === 0 && breaking.length === 0) safe.push({ kind: 'reordered' });
  return { changed, safe, breaking };
}

function compareQuestion(was: Q, q: Q, safe: SafeChange[], breaking: BreakingChange[]): void {
  const question = q.name;
  const tighten = (constraint: string, test: AffectedTest) =>
    breaking.push({ kind: 'constraint_tightened', question, constraint, affects: { question, ...test } });
  if (isTutoringKind(q.type)) {
    compareTutoring(was, q, safe, breaking);
    return;
  }
  if (isMediaQuestionType(q.type)) {
    compareMedia(was, q, safe, breaking);
    return;
  }
  const before = breaking.length + safe.length;
  if (!was.required && q.required) tighten('required', { test: 'unanswered', submittedOnly: true });
  if (
    (was.type === 'choice' || was.type === 'multi_choice') &&
    (q.type === 'choice' || q.type === 'multi_choice')
  ) {
    const test = q.type === 'choice' ? 'is' : 'includes';
    for (const option of was.options.filter((o) => !q.options.includes(o)))
      breaking.push({ kind: 'option_removed', question, option, affects: { question, test, value: option } });
    for (const option of q.options.filter((o) => !was.options.includes(o)))
      safe.push({ kind: 'option_added', question, option });
  }
  if (was.type === 'multi_choice' && q.type === 'multi_choice') {
    if (raised(was.minSelected ?? 0, q.minSelected ?? 0))
      tighten('minSelected', { test: 'fewerThan', limit: q.minSelected ?? 0, submittedOnly: true });
    if (lowered(was.maxSelected, q.maxSelected))
      tighten('maxSelected', { test: 'moreThan', limit: q.maxSelected ?? 0 });
  }
  if (was.type === 'spans' && q.type === 'spans') {
    if (was.field !== q.field)
      breaking.push({
        kind: 'field_changed',
        question,
        field: q.field,
        affects: { question, test: 'answered' },
      });
    for (const label of was.labels.filter((l) => !q.labels.includes(l)))
      breaking.push({
        kind: 'label_removed',
        question,
        label,
        affects: { question, test: 'hasLabel', value: label },
      });
    for (const label of q.labels.filter((l) => !was.labels.includes(l)))
      safe.push({ kind: 'label_added', question, label });
    if (was.allowOverlap && !q.allowOverlap) tighten('allowOverlap', { test: 'overlapping' });
  }
  if ((was.type === 'rating' && q.type === 'rating') || (was.type === 'number' && q.type === 'number')) {
    if (q.min !== undefined && (was.min === undefined || raised(was.min, q.min)))
      tighten('min', { test: 'below', limit: q.min });
    if (lowered(was.max, q.max)) tighten('max', { test: 'above', limit: q.max ?? 0 });
  }
  if (was.type === 'number' && q.type === 'number' && !was.integer && q.integer)
    tighten('integer', { test: 'fractional' });
  if (was.type === 'text' && q.type === 'text' && lowered(was.maxLength, q.maxLength))
    tighten('maxLength', { test: 'longerThan', limit: q.maxLength });
  if (breaking.length + safe.length > before) return;
  // Nothing tightened or added: what changed either only shows differently or loosens a limit.
  if (!sameExcept(sorted(was), sorted(q), DISPLAY_KEYS)) safe.push({ kind: 'constraint_loosened', question });
  else if (!sameExcept(was, q, DISPLAY_KEYS)) safe.push({ kind: 'reordered', question });
  else if (!same(was, q)) safe.push({ kind: 'display_changed', question });
}

/** A tutoring question (pairwise, ranking, rubric, steps, rewrite, turns): see diff-tutoring.ts. */
function compareTutoring(was: Q, q: Q, safe: SafeChange[], breaking: BreakingChange[]): void {
  const question = q.name;
  const change = tutoringChange({ ...was, required: q.required } as Q, q);
  if (!was.required && q.required)
    breaking.push({
      kind: 'constraint_tightened',
      question,
      constraint: 'required',
      affects: { question, test: 'unanswered', submittedOnly: true },
    });
  if (change === 'breaking')
    breaking.push({
      kind: 'constraint_tightened',
      question,
      constraint: 'settings',
      affects: { question, test: 'answered' },
    });
  else if (change === 'loosened' || (was.required && !q.required))
    safe.push({ kind: 'constraint_loosened', question });
  else if (change === 'display') safe.push({ kind: 'display_changed', question });
}

/**
 * A question over media (segments, frames, tracks): labels removed affect the answers holding
 * them, labels added are safe, and any other change of settings conservatively lists every answer.
 * Labels given to a segments question that had none are such a change: its regions have no label
 * yet. A segments question's `mode` only changes how the regions are shown.
 */
function compareMedia(was: Q, q: Q, safe: SafeChange[], breaking: BreakingChange[]): void {
  const question = q.name;
  const labelsOf = (x: Q) => ('labels' in x && Array.isArray(x.labels) ? (x.labels as string[]) : undefined);
  const [oldLabels, newLabels] = [labelsOf(was) ?? [], labelsOf(q) ?? []];
  const removed = oldLabels.filter((l) => !newLabels.includes(l));
  const added = labelsOf(was) === undefined ? [] : newLabels.filter((l) => !oldLabels.includes(l));
  for (const label of removed)
    breaking.push({
      kind: 'label_removed',
      question,
      label,
      affects: { question, test: 'hasLabel', value: label },
    });
  for (const label of added) safe.push({ kind: 'label_added', question, label });
  if (!was.required && q.required)
    breaking.push({
      kind: 'constraint_tightened',
      question,
      constraint: 'required',
      affects: { question, test: 'unanswered', submittedOnly: true },
    });
  const rest = (x: Q) => {
    const {
      label: _l,
      description: _d,
      required: _r,
      labels,
      mode,
      ...other
    } = x as Q & {
      labels?: unknown;
      mode?: unknown;
    };
    return { ...other, labelled: labels !== undefined, ...(x.type === 'segments' ? {} : { mode }) };
  };
  if (!same(rest(was), rest(q)))
    breaking.push({
      kind: 'constraint_tightened',
      question,
      constraint: 'settings',
      affects: { question, test: 'answered' },
    });
  else if (removed.length + added.length === 0 && was.required === q.required) {
    if (!same(was, q))
      safe.push({ kind: sameExcept(was, q, MEDIA_DISPLAY_KEYS) ? 'display_changed' : 'reordered', question });
  } else if (was.required && !q.required) safe.push({ kind: 'constraint_loosened', question });
}

const MEDIA_DISPLAY_KEYS = new Set([...DISPLAY_KEYS, 'mode']);
/** `after` is a limit below `before` (or a limit where there was none). */
const lowered = (before: number | undefined, after: number | undefined) =>
  after !== undefined && (before === undefined || after < before);
const raised = (before: number, after: number) => after > before;

/** A question with its option and label lists in a fixed order, to tell a reorder from a change. */
const sorted = (q: Q): object => ({
  ...q,
  ...('options' in q ? { options: [...q.options].sort() } : {}),
  ...(q.type === 'spans' ? { labels: [...q.labels].sort() } : {}),
});
const strip = ({ version: _, ...rest }: InterfaceDefinition) => rest;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
function sameExcept(a: object, b: object, keys: Set<string>): boolean {
  const pick = (o: object) => Object.entries(o).filter(([k]) => !keys.has(k));
  return same(pick(a), pick(b));
}

/** A breaking change in words, for people: `option "algebra" removed from "topic"`. */
export function describeBreakingChange(c: Omit<BreakingChange, 'affects'>): string {
  switch (c.kind) {
    case 'question_removed':
      return `question "${c.question}" removed`;
    case 'question_type_changed':
      return `question "${c.question}" changes type`;
    case 'option_removed':
      return `option "${c.option}" removed from "${c.question}"`;
    case 'label_removed':
      return `label "${c.label}" removed from "${c.question}"`;
    case 'field_changed':
      return `question "${c.question}" now marks field "${c.field}"`;
    case 'constraint_tightened':
      return `"${c.question}": ${c.constraint} tightened`;
    case 'field_added':
      return `field "${c.field}" added (items imported before may not have it)`;
    case 'field_type_changed':
      return `field "${c.field}" changes type`;
  }
}
