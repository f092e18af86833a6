import { describe, expect, it } from 'vitest';
import { displayMathStretches, estimatedHeightEm, textParts } from './long-text.ts';
import { markdownToHtml } from './markdown.ts';
import { firstParts } from './progressive.ts';

const para = (i: number) => `Paragraph ${i} with $x_${i}^2$ and **bold** words that go on for a while.`;

describe('textParts', () => {
  it('keeps a short text whole', () => {
    expect(textParts('short $x$', 100)).toEqual(['short $x$']);
  });

  it('cuts a long text into parts that render to what the whole renders to', () => {
    const blocks = Array.from({ length: 60 }, (_, i) =>
      i % 10 === 3
        ? '```python\nprint(1)\n\nprint(2)\n```'
        : i % 10 === 7
          ? '$$\n\\int_0^1 x\\,dx\n\n= \\tfrac12\n$$'
          : para(i),
    );
    const text = blocks.join('\n\n');
    const parts = textParts(text, 300);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(text);
    expect(parts.map((p) => markdownToHtml(p)).join('')).toBe(markdownToHtml(text));
  });

  it('never cuts inside a display formula with a blank line in it', () => {
    const text = `${'word '.repeat(80)}\n\n$$\na\n\nb\n$$\n\nafter`;
    expect(displayMathStretches(text)).toHaveLength(1);
    for (const p of textParts(text, 100)) expect(p.split('$$').length % 2).toBe(1);
  });
});

describe('the first parts', () => {
  it('reach the budget, at least one', () => {
    expect([...firstParts([100, 100, 100, 100], 250)]).toEqual([0, 1, 2]);
    expect([...firstParts([5000, 10], 250)]).toEqual([0]);
    expect([...firstParts([], 250)]).toEqual([]);
  });
});

describe('estimatedHeightEm', () => {
  it('counts wrapped and blank lines at 1.5em each', () => {
    expect(estimatedHeightEm('x'.repeat(250), 100)).toBe(5);
    expect(estimatedHeightEm('one\n\ntwo', 100)).toBe(5);
    expect(estimatedHeightEm('', 100)).toBe(2);
  });
});
