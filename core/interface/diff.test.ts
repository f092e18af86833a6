import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffInterfaces } from './diff.ts';
import { migrateInterface } from './migrate.ts';
import { exampleInterface } from './testing.ts';

const base = migrateInterface(exampleInterface);
type Raw = typeof exampleInterface;
/** The example with its questions edited by `edit` (by name), parsed. */
function edited(
  edit: (q: Record<string, unknown>) => Record<string, unknown> | null,
  raw: Raw = exampleInterface,
) {
  const questions = raw.questions.map((q) => edit({ ...q })).filter((q) => q !== null);
  return migrateInterface({ ...raw, questions });
}
const onQuestion = (name: string, change: (q: Record<string, unknown>) => Record<string, unknown> | null) =>
  edited((q) => (q.name === name ? change(q) : q));

describe('diffInterfaces', () => {
  it('finds nothing between an interface and itself, whatever its version', () => {
    expect(diffInterfaces(base, { ...base, version: 9 })).toEqual({ changed: false, safe: [], breaking: [] });
  });

  it('applies added questions, options and labels and edited display text as safe', () => {
    const after = migrateInterface({
      ...exampleInterface,
      fields: exampleInterface.fields.map((f) => (f.name === 'source' ? { ...f, label: 'Source' } : f)),
      questions: [
        ...exampleInterface.questions.map((q) => {
          if (q.name === 'topic')
            return { ...q, options: [...(q.options ?? []), 'calculus'], label: 'Topic' };
          if (q.name === 'entities') return { ...q, labels: [...(q.labels ?? []), 'LEMMA'] };
          if (q.name === 'comment') return { ...q, description: 'Anything else?', multiline: true };
          if (q.name === 'difficulty') return { ...q, max: 7 };
          return q;
        }),
        { name: 'notes', type: 'text', required: true },
      ],
    });
    const diff = diffInterfaces(base, after);
    expect(diff.breaking).toEqual([]);
    expect(diff.safe).toEqual([
      { kind: 'display_changed', field: 'source' },
      { kind: 'option_added', question: 'topic', option: 'calculus' },
      { kind: 'label_added', question: 'entities', label: 'LEMMA' },
      { kind: 'constraint_loosened', question: 'difficulty' },
      { kind: 'display_changed', question: 'comment' },
      { kind: 'question_added', question: 'notes' },
    ]);
    expect(diff.changed).toBe(true);
  });

  it('names each breaking change with the answers it affects', () => {
    const after = edited((q) => {
      if (q.name === 'comment') return null;
      if (q.name === 'topic') return { ...q, options: ['geometry', 'other'] };
      if (q.name === 'flags') return { ...q, options: ['unsafe'], maxSelected: 1 };
      if (q.name === 'entities') return { ...q, labels: ['DEFINITION'] };
      if (q.name === 'difficulty') return { ...q, min: 2 };
      if (q.name === 'steps') return { name: 'steps', type: 'text', maxLength: 10 };
      return q;
    });
    expect(diffInterfaces(base, after).breaking).toEqual([
      { kind: 'question_removed', question: 'comment', affects: { question: 'comment', test: 'answered' } },
      {
        kind: 'option_removed',
        question: 'topic',
        option: 'algebra',
        affects: { question: 'topic', test: 'is', value: 'algebra' },
      },
      {
        kind: 'option_removed',
        question: 'flags',
        option: 'off-topic',
        affects: { question: 'flags', test: 'includes', value: 'off-topic' },
      },
      {
        kind: 'option_removed',
        question: 'flags',
        option: 'pii',
        affects: { question: 'flags', test: 'includes', value: 'pii' },
      },
      {
        kind: 'constraint_tightened',
        question: 'flags',
        constraint: 'maxSelected',
        affects: { question: 'flags', test: 'moreThan', limit: 1 },
      },
      {
        kind: 'label_removed',
        question: 'entities',
        label: 'THEOREM',
        affects: { question: 'entities', test: 'hasLabel', value: 'THEOREM' },
      },
      {
        kind: 'constraint_tightened',
        question: 'difficulty',
        constraint: 'min',
        affects: { question: 'difficulty', test: 'below', limit: 2 },
      },
      { kind: 'question_type_changed', question: 'steps', affects: { question: 'steps', test: 'answered' } },
    ]);
  });

  it('treats tightened limits, a new requirement and a new field as breaking', () => {
    const numbers = onQuestion('steps', (q) => ({ ...q, integer: true, max: 10 }));
    expect(diffInterfaces(base, numbers).breaking.map((c) => [c.constraint, c.affects?.test])).toEqual([
      ['max', 'above'],
      ['integer', 'fractional'],
    ]);
    const required = onQuestion('comment', (q) => ({ ...q, required: true, maxLength: 5 }));
    expect(diffInterfaces(base, required).breaking.map((c) => c.affects)).toEqual([
      { question: 'comment', test: 'unanswered', submittedOnly: true },
      { question: 'comment', test: 'longerThan', limit: 5 },
    ]);
    const field = migrateInterface({
      ...exampleInterface,
      fields: [...exampleInterface.fields, { name: 'url', type: 'text' }],
    });
    expect(diffInterfaces(base, field).breaking).toEqual([
      { kind: 'field_added', field: 'url', affects: null },
    ]);
  });

  it('calls a new order of options a reorder, not a change of limits', () => {
    const after = onQuestion('flags', (q) => ({ ...q, options: ['pii', 'unsafe', 'off-topic'] }));
    expect(diffInterfaces(base, after)).toEqual({
      changed: true,
      safe: [{ kind: 'reordered', question: 'flags' }],
      breaking: [],
    });
  });

  it('has exactly one option_removed per removed option and no breaking change for additions (property)', () => {
    const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const optionSet = fc.subarray(pool, { minLength: 1 });
    fc.assert(
      fc.property(optionSet, optionSet, fc.boolean(), (from, to, multi) => {
        const type = multi ? 'multi_choice' : 'choice';
        const iface = (options: string[]) =>
          migrateInterface({ fields: [], questions: [{ name: 'q', type, options }] });
        const diff = diffInterfaces(iface(from), iface(to));
        const removed = from.filter((o) => !to.includes(o));
        const added = to.filter((o) => !from.includes(o));
        expect(diff.breaking.map((c) => c.option)).toEqual(removed);
        expect(diff.safe.filter((c) => c.kind === 'option_added').map((c) => c.option)).toEqual(added);
        expect(diff.changed).toBe(removed.length + added.length > 0 || from.join() !== to.join());
        // Going back undoes it: what one way removes, the other way adds.
        const back = diffInterfaces(iface(to), iface(from));
        expect(back.safe.filter((c) => c.kind === 'option_added').map((c) => c.option)).toEqual(removed);
      }),
    );
  });
});
