import { describe, expect, it } from 'vitest';
import { answerFlags, answerText, type IntegritySignals, integrityFlags, sumSignals } from './integrity.ts';

const signals = (s: Partial<IntegritySignals>): IntegritySignals => ({
  pastedChars: 0,
  typedChars: 0,
  typingMs: 0,
  focusChanges: 0,
  ...s,
});
const text = (n: number) => 'x'.repeat(n);

describe('integrityFlags: mostly pasted', () => {
  it('flags an answer of 200 characters with 101 pasted', () => {
    expect(integrityFlags(signals({ pastedChars: 101 }), text(200))).toEqual(['mostly_pasted']);
  });
  it('does not flag exactly half pasted', () => {
    expect(integrityFlags(signals({ pastedChars: 100 }), text(200))).toEqual([]);
  });
  it('does not flag an answer under 200 characters, however much was pasted', () => {
    expect(integrityFlags(signals({ pastedChars: 5000 }), text(199))).toEqual([]);
  });
  it('counts the length in code points', () => {
    // 200 emoji: 400 UTF-16 code units, 200 characters; 101 pasted is over half.
    expect(integrityFlags(signals({ pastedChars: 101 }), '😀'.repeat(200))).toEqual(['mostly_pasted']);
    expect(integrityFlags(signals({ pastedChars: 150 }), '😀'.repeat(199))).toEqual([]);
  });
});

describe('integrityFlags: implausibly fast', () => {
  it('flags 200 characters typed in under 8 s (over 1500 a minute)', () => {
    expect(integrityFlags(signals({ typedChars: 200, typingMs: 7999 }), text(200))).toEqual([
      'implausibly_fast',
    ]);
  });
  it('does not flag exactly 1500 a minute', () => {
    expect(integrityFlags(signals({ typedChars: 200, typingMs: 8000 }), text(200))).toEqual([]);
  });
  it('does not flag fewer than 200 typed characters, however fast', () => {
    expect(integrityFlags(signals({ typedChars: 199, typingMs: 0 }), text(199))).toEqual([]);
  });
  it('flags 200 typed characters with no typing time at all', () => {
    expect(integrityFlags(signals({ typedChars: 200, typingMs: 0 }), text(10))).toEqual(['implausibly_fast']);
  });
  it('does not flag a normal typist (300 a minute)', () => {
    expect(integrityFlags(signals({ typedChars: 1000, typingMs: 200_000 }), text(1000))).toEqual([]);
  });
});

describe('integrityFlags: both, and focus', () => {
  it('raises both flags at once', () => {
    expect(
      integrityFlags(signals({ pastedChars: 900, typedChars: 300, typingMs: 1000 }), text(1000)),
    ).toEqual(['mostly_pasted', 'implausibly_fast']);
  });
  it('never flags on focus changes alone', () => {
    expect(integrityFlags(signals({ focusChanges: 1000 }), text(1000))).toEqual([]);
  });
});

describe('sumSignals and answerFlags', () => {
  it('adds per question, keeping questions only on one side', () => {
    const sum = sumSignals(
      { a: signals({ pastedChars: 1, typingMs: 5 }), b: signals({ focusChanges: 2 }) },
      { a: signals({ pastedChars: 2, typedChars: 3 }), c: signals({ typedChars: 1 }) },
    );
    expect(sum).toEqual({
      a: signals({ pastedChars: 3, typedChars: 3, typingMs: 5 }),
      b: signals({ focusChanges: 2 }),
      c: signals({ typedChars: 1 }),
    });
  });
  it('reads the text of a text answer and of a rewrite answer', () => {
    expect(answerText('abc')).toBe('abc');
    expect(answerText({ text: 'def', source: 'a' })).toBe('def');
    expect(answerText(3)).toBe('');
    expect(answerText(undefined)).toBe('');
  });
  it('lists only flagged questions, each against its own answer', () => {
    const flags = answerFlags(
      { essay: signals({ pastedChars: 300 }), note: signals({ pastedChars: 300 }) },
      { essay: text(400), note: text(10) },
    );
    expect(flags).toEqual({ essay: ['mostly_pasted'] });
  });
});
