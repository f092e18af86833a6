import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInterface } from '../migrate.ts';
import { checkWith, mediaInterfaceWith } from '../testing.ts';
import { compareSegments, SEGMENT_LIMITS, type SegmentAnswer } from './segments-check.ts';

const question = {
  name: 'turns_said',
  type: 'segments',
  field: 'recording',
  labels: ['speech', 'music'],
  text: 'optional',
  speakers: 'optional',
};
const iface = mediaInterfaceWith(question);
const withRules = (rules: Record<string, unknown>) => mediaInterfaceWith({ ...question, ...rules });
const seg = (start: number, end: number, label = 'speech', more: Partial<SegmentAnswer> = {}) => ({
  start,
  end,
  label,
  ...more,
});
const facts = (durationSeconds: number | null) => ({
  recording: { durationSeconds, frameRate: null, width: null, height: null },
});
const answer = (value: unknown, opts: Parameters<typeof checkWith>[2] = {}, on = iface) =>
  checkWith(on, { turns_said: value }, opts);

describe('segments question settings', () => {
  const messagesOf = (q: Record<string, unknown>, fields = [{ name: 'recording', type: 'audio' }]) => {
    const r = parseInterface({
      fields,
      questions: [{ name: 'q', type: 'segments', field: 'recording', ...q }],
    });
    return r.ok ? [] : r.errors.map((e) => e.message);
  };

  it('takes an audio or a video field, never text', () => {
    expect(messagesOf({ labels: ['a'] })).toEqual([]);
    expect(messagesOf({ labels: ['a'] }, [{ name: 'recording', type: 'video' }])).toEqual([]);
    expect(messagesOf({ labels: ['a'] }, [{ name: 'recording', type: 'text' }]).join()).toMatch(
      /questions\[0\]\.field/,
    );
  });

  it('refuses settings that cannot be answered, naming the setting', () => {
    expect(messagesOf({ labels: ['a'], minLength: 2, maxLength: 1 })).toEqual([
      'questions[0].maxLength: must be at least minLength (2)',
    ]);
    expect(messagesOf({ labels: ['a'], mode: 'transcript' })).toEqual([
      'questions[0].text: a transcript needs text: set text to "required" or "optional"',
    ]);
    expect(messagesOf({ labels: ['a'], speakerNames: ['A'] })).toEqual([
      'questions[0].speakerNames: speakerNames needs speakers "optional" or "required"',
    ]);
    expect(messagesOf({})).toEqual([
      'questions[0].labels: a segments question needs labels, text or speakers',
    ]);
    expect(messagesOf({ speakers: 'required', speakerNames: ['Dr Who'] })[0]).toMatch(
      /^questions\[0\]\.speakerNames: speaker names are 1-64 letters/,
    );
  });

  it('bounds labels, speaker names and lengths', () => {
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    expect(messagesOf({ labels: many(200, 'l') })).toEqual([]);
    expect(messagesOf({ labels: many(201, 'l') })[0]).toMatch(/^questions\[0\]\.labels/);
    expect(messagesOf({ labels: ['x'.repeat(200)] })).toEqual([]);
    expect(messagesOf({ labels: ['x'.repeat(201)] })[0]).toMatch(/^questions\[0\]\.labels/);
    expect(messagesOf({ labels: ['a', 'a'] })[0]).toMatch(/^questions\[0\]\.labels/);
    expect(messagesOf({ speakers: 'optional', speakerNames: many(200, 's') })).toEqual([]);
    expect(messagesOf({ speakers: 'optional', speakerNames: many(201, 's') })[0]).toMatch(
      /^questions\[0\]\.speakerNames/,
    );
    expect(messagesOf({ labels: ['a'], minLength: 0.1, maxLength: 1e6 })).toEqual([]);
    expect(messagesOf({ labels: ['a'], minLength: 0 })[0]).toMatch(/^questions\[0\]\.minLength/);
    expect(messagesOf({ labels: ['a'], maxLength: 1e6 + 1 })[0]).toMatch(/^questions\[0\]\.maxLength/);
  });

  it('fills in its defaults', () => {
    const r = parseInterface({
      fields: [{ name: 'recording', type: 'audio' }],
      questions: [{ name: 'q', type: 'segments', field: 'recording', text: 'required' }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.questions[0]).toMatchObject({
      allowOverlap: false,
      text: 'required',
      speakers: 'none',
      mode: 'regions',
      required: false,
    });
  });
});

describe('segments answers', () => {
  it('sorts regions by start, end, label, speaker and rounds times to the microsecond', () => {
    const given = [
      seg(5, 6),
      seg(1.00000049, 2.0000004, 'music', { text: 'la' }),
      seg(0, 1, 'speech', { speaker: 'A' }),
    ];
    expect(answer(given)).toEqual({
      value: {
        turns_said: [seg(0, 1, 'speech', { speaker: 'A' }), seg(1, 2, 'music', { text: 'la' }), seg(5, 6)],
      },
    });
  });

  it('accepts touching regions (end is exclusive) and refuses overlap at the later one', () => {
    expect(answer([seg(0, 1), seg(1, 2)]).value).toBeDefined();
    expect(answer([seg(2, 4), seg(0, 3, 'music')])).toEqual({
      messages: [
        'turns_said[0]: segment 2-4 s speech overlaps segment 0-3 s music (turns_said[1]) and this question does not allow overlap',
      ],
    });
  });

  it('compares with the furthest-reaching earlier region, not only the previous one', () => {
    expect(answer([seg(0, 10), seg(2, 3), seg(5, 6, 'music')]).messages).toEqual([
      'turns_said[1]: segment 2-3 s speech overlaps segment 0-10 s speech (turns_said[0]) and this question does not allow overlap',
      'turns_said[2]: segment 5-6 s music overlaps segment 0-10 s speech (turns_said[0]) and this question does not allow overlap',
    ]);
  });

  it('allows overlap when configured, but never the same region twice', () => {
    const overlapping = withRules({ allowOverlap: true });
    expect(answer([seg(0, 3), seg(1, 2, 'music'), seg(1, 2)], {}, overlapping).value).toEqual({
      turns_said: [seg(0, 3), seg(1, 2, 'music'), seg(1, 2)],
    });
    expect(answer([seg(1, 2), seg(0, 3), seg(1, 2)], {}, overlapping)).toEqual({
      messages: ['turns_said[2]: segment 1-2 s speech appears twice (also turns_said[0])'],
    });
  });

  it('names the path of every bad time, label, speaker, text and property', () => {
    const given = [
      { start: -1, end: 'x', label: 'speech' },
      seg(3, 3),
      seg(4, 5, 'noise'),
      { ...seg(6, 7), speaker: 'Dr Who' },
      { ...seg(8, 9), text: 7 },
      { ...seg(10, 11), note: 'x' },
      'not a segment',
      { ...seg(12, 13), end: 1e6 + 1 },
    ];
    expect(answer(given).messages).toEqual([
      'turns_said[0].start: expected seconds from 0 to 1000000, got -1',
      'turns_said[0].end: expected seconds from 0 to 1000000, got "x"',
      'turns_said[1]: start 3 must be before end 3',
      'turns_said[2].label: "noise" is not one of the labels speech, music',
      'turns_said[3].speaker: "Dr Who" is not a speaker name (1-64 letters, digits, _, . or -)',
      'turns_said[4].text: expected text, got 7',
      'turns_said[5].note: unknown property; a segment has start, end, label, speaker and text',
      'turns_said[6]: expected a segment {start, end, …}, got "not a segment"',
      'turns_said[7].end: expected seconds from 0 to 1000000, got 1000001',
    ]);
  });

  it('refuses what the question does not ask for', () => {
    const plain = withRules({ labels: undefined, text: 'required', speakers: 'none' });
    expect(
      answer([{ start: 0, end: 1, label: 'speech', speaker: 'A', text: 'hi' }], {}, plain).messages,
    ).toEqual([
      'turns_said[0].label: this question has no labels',
      'turns_said[0].speaker: this question does not ask for speakers',
    ]);
    const labelsOnly = withRules({ text: 'none', speakers: 'none' });
    expect(answer([seg(0, 1, 'speech', { text: 'hi' })], {}, labelsOnly).messages).toEqual([
      'turns_said[0].text: this question does not ask for text',
    ]);
  });

  it('keeps speakers to the named ones when the question lists them', () => {
    const named = withRules({ speakers: 'required', speakerNames: ['alice', 'bob'] });
    expect(answer([seg(0, 1, 'speech', { speaker: 'bob' })], {}, named).value).toBeDefined();
    expect(answer([seg(0, 1, 'speech', { speaker: 'carol' })], {}, named).messages).toEqual([
      'turns_said[0].speaker: "carol" is not one of the speakers alice, bob',
    ]);
  });

  it('enforces minimum and maximum length with microsecond slack', () => {
    const bounded = withRules({ minLength: 0.5, maxLength: 2 });
    expect(answer([seg(0, 0.5), seg(1, 3), seg(3, 3.4999999)], {}, bounded).value).toBeDefined();
    expect(answer([seg(4, 4.499998)], {}, bounded).messages).toEqual([
      'turns_said[0]: 0.499998 s long; the shortest allowed is 0.5 s',
    ]);
    expect(answer([seg(0, 0.4), seg(1, 3.01)], {}, bounded).messages).toEqual([
      'turns_said[0]: 0.4 s long; the shortest allowed is 0.5 s',
      'turns_said[1]: 2.01 s long; the longest allowed is 2 s',
    ]);
  });

  it('bounds every end by the probed duration when the media facts are given', () => {
    const given = [seg(0, 10), seg(10, 10.0005, 'music'), seg(11, 12.5)];
    expect(answer(given).value).toBeDefined();
    expect(answer(given, { media: facts(null) }).value).toBeDefined();
    expect(answer(given, { media: facts(10) }).messages).toEqual([
      'turns_said[2].end: 12.5 s is past the end of the media (10 s)',
    ]);
    // Facts of another field say nothing about this one.
    expect(
      answer(given, { media: { clip: { durationSeconds: 1, frameRate: '25/1', width: 8, height: 8 } } })
        .value,
    ).toBeDefined();
  });

  it('waits for completeness (labels, speakers, text) until submit, but not for well-formedness', () => {
    const strict = withRules({ speakers: 'required', text: 'required' });
    const draft = [
      { start: 0, end: 1 },
      { start: 1, end: 2, text: '' },
    ];
    expect(answer(draft, { partial: true }, strict)).toEqual({
      value: {
        turns_said: [
          { start: 0, end: 1 },
          { start: 1, end: 2, text: '' },
        ],
      },
    });
    expect(answer(draft, {}, strict).messages).toEqual([
      'turns_said[0].label: a label is required: one of speech, music',
      'turns_said[0].speaker: a speaker is required',
      'turns_said[0].text: the text is required',
      'turns_said[1].label: a label is required: one of speech, music',
      'turns_said[1].speaker: a speaker is required',
      'turns_said[1].text: the text is required',
    ]);
    expect(answer([{ start: 2, end: 1 }], { partial: true }, strict).messages).toEqual([
      'turns_said[0]: start 2 must be before end 1',
    ]);
  });

  it('counts an empty list as unanswered for a required question', () => {
    const required = withRules({ required: true });
    expect(answer([], {}, required).messages).toEqual(['turns_said: an answer is required']);
    expect(answer([], { partial: true }, required).value).toEqual({ turns_said: [] });
  });

  it('refuses a non-array, too many regions and too long a text', () => {
    expect(answer({ start: 0, end: 1 }).messages).toEqual([
      'turns_said: expected an array of segments, got an object',
    ]);
    const many = Array.from({ length: SEGMENT_LIMITS.maxSegments + 1 }, (_, i) => seg(i, i + 1));
    expect(answer(many).messages).toEqual([
      `turns_said: ${SEGMENT_LIMITS.maxSegments + 1} segments; at most ${SEGMENT_LIMITS.maxSegments} are allowed`,
    ]);
    const long = 'a'.repeat(SEGMENT_LIMITS.maxTextLength + 1);
    expect(answer([seg(0, 1, 'speech', { text: long })]).messages).toEqual([
      `turns_said[0].text: ${SEGMENT_LIMITS.maxTextLength + 1} characters; at most ${SEGMENT_LIMITS.maxTextLength} are allowed`,
    ]);
  });

  it('normalises to a sorted fixed point: checking its own output changes nothing (property)', () => {
    const arbSeg = fc
      .tuple(fc.double({ min: 0, max: 3600, noNaN: true }), fc.double({ min: 1e-3, max: 60, noNaN: true }))
      .chain(([start, length]) =>
        fc.record({
          start: fc.constant(start),
          end: fc.constant(start + length),
          label: fc.constantFrom('speech', 'music'),
          speaker: fc.constantFrom('A', 'B'),
        }),
      );
    const overlapping = withRules({ allowOverlap: true });
    fc.assert(
      fc.property(fc.array(arbSeg, { maxLength: 20 }), (given) => {
        const first = answer(given, {}, overlapping);
        if (!first.value) return; // duplicates after rounding
        const out = first.value.turns_said as SegmentAnswer[];
        for (let i = 1; i < out.length; i++)
          expect(compareSegments(out[i - 1] as SegmentAnswer, out[i] as SegmentAnswer)).toBeLessThan(0);
        for (const s of out) expect(Math.round(s.start * 1e6) / 1e6).toBe(s.start);
        expect(answer(out, {}, overlapping)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
