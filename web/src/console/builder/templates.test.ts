import { describe, expect, it } from 'vitest';
import {
  type InterfaceDefinition,
  parseInterface,
  validateItemData,
} from '../../../../core/interface/index.ts';
import { fromRaw, toRaw } from './draft.ts';
import { sampleData } from './sample.ts';
import { templates } from './templates.ts';

const parsed = (raw: unknown): InterfaceDefinition => {
  const r = parseInterface(raw);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
};
const template = (name: string) => {
  const t = templates.find((x) => x.name === name);
  if (!t) throw new Error(`no template "${name}"`);
  return { ...t, iface: parsed(t.interface) };
};
const only = (iface: InterfaceDefinition) => {
  expect(iface.questions).toHaveLength(1);
  return iface.questions[0]!;
};

describe('every template', () => {
  it.each(templates.map((t) => [t.name, t] as const))(
    '%s: parses, survives the form, and previews',
    (_, t) => {
      const iface = parsed(t.interface);
      expect(parsed(toRaw(fromRaw(t.interface)))).toEqual(iface);
      expect(validateItemData(iface, sampleData(iface))).toEqual([]);
      expect(t.guidelines).toMatch(/^# /);
    },
  );

  it('has a name of its own', () => {
    expect(new Set(templates.map((t) => t.name)).size).toBe(templates.length);
  });
});

describe('the tutor’s templates', () => {
  it('Compare two answers: a pairwise preference with three criteria, justified from "better" on', () => {
    const { iface } = template('Compare two answers');
    expect(iface.fields.map((f) => f.type)).toEqual(['chat', 'responses']);
    expect(only(iface)).toMatchObject({
      type: 'pairwise',
      field: 'answers',
      prompt: 'conversation',
      scale: 7,
      required: true,
      criteria: [{ name: 'helpfulness' }, { name: 'correctness' }, { name: 'safety' }],
      requireJustificationFrom: 2,
    });
  });

  it('Rank candidates: a ranking with ties over candidates, four in the preview', () => {
    const { iface } = template('Rank candidates');
    expect(only(iface)).toMatchObject({ type: 'ranking', field: 'candidates', allowTies: true });
    expect(sampleData(iface).candidates).toHaveLength(4);
  });

  it('Grade against a rubric: weighted criteria, one pass or fail, comments on', () => {
    const { iface } = template('Grade against a rubric');
    const q = only(iface);
    expect(q).toMatchObject({ type: 'rubric', field: 'answer', prompt: 'question', comments: true });
    if (q.type !== 'rubric') throw new Error('not a rubric');
    expect(q.criteria.map((c) => [c.name, c.scale, c.weight])).toEqual([
      ['accuracy', { min: 1, max: 5 }, 3],
      ['completeness', { min: 1, max: 5 }, 2],
      ['clarity', { min: 1, max: 5 }, 1],
      ['instructions', 'pass_fail', 2],
    ]);
  });

  it('Check a proof step by step: steps by paragraph over a proof', () => {
    const { iface } = template('Check a proof step by step');
    expect(only(iface)).toMatchObject({
      type: 'steps',
      field: 'proof',
      prompt: 'statement',
      split: 'paragraphs',
    });
  });

  it('Write the ideal answer: a rewrite of the model drafts, after a conversation', () => {
    const { iface } = template('Write the ideal answer');
    expect(iface.fields.map((f) => f.type)).toEqual(['chat', 'responses']);
    expect(only(iface)).toMatchObject({ type: 'rewrite', field: 'drafts', prompt: 'conversation' });
  });
});

describe('the templates over media', () => {
  it('Transcribe speech: a whole-file transcript of a recording, text required, speakers optional', () => {
    const { iface } = template('Transcribe speech');
    expect(iface.fields.map((f) => f.type)).toEqual(['audio']);
    expect(only(iface)).toMatchObject({
      type: 'segments',
      field: 'recording',
      mode: 'transcript',
      text: 'required',
      speakers: 'optional',
      required: true,
    });
  });

  it('Speaker turns: overlapping regions, each with its speaker, no labels or text', () => {
    const q = only(template('Speaker turns').iface);
    expect(q).toMatchObject({ type: 'segments', allowOverlap: true, speakers: 'required', text: 'none' });
    expect(q).not.toHaveProperty('labels');
  });

  it('Audio events: labelled regions that do not overlap, at least 0.2 s long', () => {
    expect(only(template('Audio events').iface)).toMatchObject({
      type: 'segments',
      labels: ['speech', 'music', 'noise', 'silence'],
      allowOverlap: false,
      minLength: 0.2,
      mode: 'regions',
    });
  });

  it('Video tracking: tracks and scene labels by keyframe over one video', () => {
    const { iface } = template('Video tracking');
    expect(iface.fields.map((f) => f.type)).toEqual(['video']);
    expect(iface.questions.map((q) => [q.type, 'field' in q ? q.field : null])).toEqual([
      ['tracks', 'video'],
      ['frames', 'video'],
    ]);
    expect(iface.questions[1]).toMatchObject({ mode: 'keyframes' });
  });
});
