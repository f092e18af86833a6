import { describe, expect, it } from 'vitest';
import { createIntegrityMeter, typedText } from './integrity-meter.ts';

function clock() {
  let t = 1000;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('createIntegrityMeter', () => {
  it('counts typed characters in code points, and the gaps between keystrokes as typing time', () => {
    const c = clock();
    const m = createIntegrityMeter(c.now);
    expect(m.typed('a')).toEqual({ typedChars: 1, typingMs: 0 });
    c.advance(150);
    expect(m.typed('😀')).toEqual({ typedChars: 1, typingMs: 150 });
    c.advance(5000);
    expect(m.typed('b')).toEqual({ typedChars: 1, typingMs: 5000 });
  });

  it('leaves out a pause longer than 5 s', () => {
    const c = clock();
    const m = createIntegrityMeter(c.now);
    m.typed('a');
    c.advance(5001);
    expect(m.typed('b')).toEqual({ typedChars: 1, typingMs: 0 });
    c.advance(200);
    expect(m.typed('c')).toEqual({ typedChars: 1, typingMs: 200 });
  });

  it('counts a paste by the clipboard text, and does not count the time around it as typing', () => {
    const c = clock();
    const m = createIntegrityMeter(c.now);
    m.typed('a');
    c.advance(1000);
    expect(m.pasted('hello world')).toEqual({ pastedChars: 11 });
    c.advance(1000);
    expect(m.typed('b')).toEqual({ typedChars: 1, typingMs: 0 });
    expect(m.pasted('')).toBeUndefined();
  });

  it('counts leaving the window once until the annotator returns', () => {
    const m = createIntegrityMeter(clock().now);
    expect(m.left()).toEqual({ focusChanges: 1 });
    expect(m.left()).toBeUndefined(); // blur and visibilitychange of the same departure
    m.returned();
    expect(m.left()).toEqual({ focusChanges: 1 });
  });

  it('ignores empty typing', () => {
    expect(createIntegrityMeter(clock().now).typed('')).toBeUndefined();
  });
});

describe('typedText', () => {
  it('takes typing and line breaks, never pastes, drops, deletions or autocorrect', () => {
    expect(typedText('insertText', 'ab')).toBe('ab');
    expect(typedText('insertLineBreak', null)).toBe('\n');
    expect(typedText('insertParagraph', null)).toBe('\n');
    for (const t of ['insertFromPaste', 'insertFromDrop', 'deleteContentBackward', 'insertReplacementText'])
      expect(typedText(t, 'xyz')).toBe('');
    expect(typedText('insertCompositionText', 'か')).toBe('');
  });
});
