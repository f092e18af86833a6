import { describe, expect, it } from 'vitest';
import { segmentsTranscript, transcriptWords, wordEditDistance, wordErrorRate } from './wer.ts';

const wer = (ref: string, hyp: string) => wordErrorRate(transcriptWords(ref), transcriptWords(hyp));

describe('word error rate', () => {
  it('counts a substitution over the reference words: "hello world" → "hello duck" is 0.5', () => {
    expect(wer('hello world', 'hello duck')).toBe(0.5);
  });

  it('counts substitutions, deletions and insertions', () => {
    // reference 6 words; "sat" → "sit" (S), "the" deleted (D), "down" inserted (I): 3/6.
    expect(wer('the cat sat on the mat', 'the cat sit on mat down')).toBe(0.5);
    // Every word inserted against one reference word: 1 S + 2 I over 1 word.
    expect(wer('yes', 'no no no')).toBe(3);
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'c'])).toBe(1);
  });

  it('normalises case, punctuation and spaces before comparing', () => {
    expect(transcriptWords("  Don't,   STOP!\n now… ")).toEqual(['dont', 'stop', 'now']);
    expect(wer('Hello, world.', 'hello   WORLD')).toBe(0);
    // Unicode NFC: a composed é and an e with a combining accent are one word.
    expect(wer('caf\u00e9', 'cafe\u0301')).toBe(0);
  });

  it('is 0 for two empty transcripts and undefined for words against none', () => {
    expect(wer('', '')).toBe(0);
    expect(wer('...', 'something')).toBeNull();
  });

  it('reads a transcript from segments in time order', () => {
    const segs = [
      { start: 4, end: 5, text: 'world' },
      { start: 0, end: 2, text: 'Hello,' },
      { start: 2, end: 3 },
    ];
    expect(segmentsTranscript(segs)).toEqual(['hello', 'world']);
  });
});
