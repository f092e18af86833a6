import { describe, expect, it } from 'vitest';
import { diffInterfaces } from './diff.ts';
import { migrateInterface } from './migrate.ts';
import { mediaKindsInterface } from './testing.ts';

const base = migrateInterface(mediaKindsInterface);
/** The media interface with the question `name` edited. */
const onQuestion = (name: string, change: (q: Record<string, unknown>) => Record<string, unknown>) =>
  migrateInterface({
    ...mediaKindsInterface,
    questions: mediaKindsInterface.questions.map((q) => (q.name === name ? change({ ...q }) : q)),
  });
const settings = (question: string) => ({
  kind: 'constraint_tightened',
  question,
  constraint: 'settings',
  affects: { question, test: 'answered' },
});

describe('diffInterfaces on questions over media', () => {
  it('lists a removed label with the answers holding it, for each media kind', () => {
    for (const [name, kept] of [
      ['turns_said', ['speech']],
      ['scene', ['indoor']],
      ['objects', ['square']],
    ] as const) {
      const removed = { turns_said: 'music', scene: 'outdoor', objects: 'person' }[name];
      const diff = diffInterfaces(
        base,
        onQuestion(name, (q) => ({ ...q, labels: [...kept] })),
      );
      expect(diff).toEqual({
        changed: true,
        safe: [],
        breaking: [
          {
            kind: 'label_removed',
            question: name,
            label: removed,
            affects: { question: name, test: 'hasLabel', value: removed },
          },
        ],
      });
    }
  });

  it('applies an added label as safe', () => {
    const diff = diffInterfaces(
      base,
      onQuestion('objects', (q) => ({ ...q, labels: ['square', 'person', 'car'] })),
    );
    expect(diff).toEqual({
      changed: true,
      safe: [{ kind: 'label_added', question: 'objects', label: 'car' }],
      breaking: [],
    });
  });

  it('lists every answer for any other change of settings', () => {
    const cases: [string, (q: Record<string, unknown>) => Record<string, unknown>][] = [
      ['turns_said', (q) => ({ ...q, allowOverlap: true })],
      ['turns_said', (q) => ({ ...q, maxLength: 30 })],
      ['turns_said', (q) => ({ ...q, text: 'required' })],
      ['turns_said', (q) => ({ ...q, speakerNames: ['A', 'B'] })],
      ['scene', (q) => ({ ...q, mode: 'frames' })],
      ['objects', (q) => ({ ...q, maxTracks: 10 })],
    ];
    for (const [name, change] of cases)
      expect(diffInterfaces(base, onQuestion(name, change)).breaking).toEqual([settings(name)]);
  });

  it('lists every answer when a segments question without labels gains some', () => {
    const unlabelled = migrateInterface({
      ...mediaKindsInterface,
      questions: [{ name: 'said', type: 'segments', field: 'recording', text: 'required' }],
    });
    const labelled = migrateInterface({
      ...mediaKindsInterface,
      questions: [{ name: 'said', type: 'segments', field: 'recording', text: 'required', labels: ['a'] }],
    });
    expect(diffInterfaces(unlabelled, labelled)).toEqual({
      changed: true,
      safe: [],
      breaking: [settings('said')],
    });
  });

  it('moves to another field as a change of settings', () => {
    const twoClips = {
      ...mediaKindsInterface,
      fields: [...mediaKindsInterface.fields, { name: 'other', label: 'Other', type: 'video' }],
    };
    const before = migrateInterface(twoClips);
    const after = migrateInterface({
      ...twoClips,
      questions: twoClips.questions.map((q) => (q.name === 'scene' ? { ...q, field: 'other' } : q)),
    });
    expect(diffInterfaces(before, after).breaking).toEqual([settings('scene')]);
  });

  it('requires confirmation for a new requirement and loosens when it is dropped', () => {
    expect(
      diffInterfaces(
        base,
        onQuestion('scene', (q) => ({ ...q, required: true })),
      ).breaking,
    ).toEqual([
      {
        kind: 'constraint_tightened',
        question: 'scene',
        constraint: 'required',
        affects: { question: 'scene', test: 'unanswered', submittedOnly: true },
      },
    ]);
    const required = onQuestion('scene', (q) => ({ ...q, required: true }));
    expect(diffInterfaces(required, base)).toEqual({
      changed: true,
      safe: [{ kind: 'constraint_loosened', question: 'scene' }],
      breaking: [],
    });
  });

  it('applies display-only changes as safe: label, description, a transcript view, label order', () => {
    const display = (name: string, change: (q: Record<string, unknown>) => Record<string, unknown>) =>
      diffInterfaces(base, onQuestion(name, change));
    expect(display('objects', (q) => ({ ...q, label: 'Things', description: 'Box them' }))).toEqual({
      changed: true,
      safe: [{ kind: 'display_changed', question: 'objects' }],
      breaking: [],
    });
    expect(display('turns_said', (q) => ({ ...q, mode: 'transcript' })).safe).toEqual([
      { kind: 'display_changed', question: 'turns_said' },
    ]);
    expect(display('scene', (q) => ({ ...q, labels: ['outdoor', 'indoor'] }))).toEqual({
      changed: true,
      safe: [{ kind: 'reordered', question: 'scene' }],
      breaking: [],
    });
  });
});
