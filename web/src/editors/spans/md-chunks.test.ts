import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../render/markdown.ts';
import { markdownChunks } from './md-chunks.ts';
import { texTokens } from './tex-tokens.ts';
import { cpToU16, indexText } from './text-index.ts';

const mathsOf = (text: string) => {
  const index = indexText(text);
  return texTokens(index).maths.map((t) => ({ start: cpToU16(index, t.start), end: cpToU16(index, t.end) }));
};
const cut = (text: string, target: number) =>
  markdownChunks(text, mathsOf(text), target).map((c) => text.slice(c.start, c.end));
const render = (src: string) =>
  markdownToHtml(src, { math: (tex, display) => `<m d="${display}">${tex}</m>` });

// Blocks of every kind that may hold blank lines or continue across them.
const block = fc.oneof(
  fc.constantFrom(
    'A paragraph with **bold** and $x^2$ in it.',
    '# A heading',
    '```\ncode\n\n\nmore code\n```',
    '~~~~\n```\n\nstill code\n~~~~',
    '$$\n\\int_0^1 x\\,dx\n\n= \\frac12\n$$',
    '- one\n\n- two\n\n  continued item',
    '1. first\n\n2. second',
    '    indented code\n\n    more',
    '> a quote',
    '<!-- a comment\n\nstill the comment -->',
    '<pre>\nraw\n\nblock\n</pre>',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    'Setext title\n===',
  ),
  // No `$` in the random words: the renderer takes a `$$` right after a paragraph's first
  // character for the start of a display formula (its block rule looks for a line start in the
  // text after that character), which no rule about lines can follow.
  fc.string({ unit: fc.constantFrom('w', 'o', 'r', 'd', ' ', '*', '\\', '`'), minLength: 1, maxLength: 30 }),
);
const doc = fc.array(block, { minLength: 1, maxLength: 25 }).map((blocks) => blocks.join('\n\n'));

describe('cutting Markdown into separately rendered chunks', () => {
  it('covers the text with contiguous chunks', () => {
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 200 }), (text, target) => {
        expect(cut(text, target).join('')).toBe(text);
      }),
    );
  });

  it('renders chunk by chunk to exactly what the whole text renders to', () => {
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 200 }), (text, target) => {
        expect(cut(text, target).map(render).join('')).toBe(render(text));
      }),
    );
  });

  it('cuts a long text after about the target length, at a blank line', () => {
    const text = Array.from({ length: 100 }, (_, k) => `Paragraph ${k} is here.`).join('\n\n');
    const chunks = cut(text, 200);
    expect(chunks.length).toBeGreaterThan(8);
    for (const c of chunks.slice(0, -1)) {
      expect(c.length).toBeGreaterThanOrEqual(200);
      expect(c.endsWith('\n\n')).toBe(true);
    }
  });

  it('never cuts a text that defines reference links', () => {
    const text = `${'See [the notes][n].\n\n'.repeat(50)}[n]: https://example.org/`;
    expect(cut(text, 100)).toEqual([text]);
  });

  it('leaves a short text whole', () => {
    expect(cut('One\n\nTwo', 4000)).toEqual(['One\n\nTwo']);
  });
});
