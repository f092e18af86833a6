import { MAX_HIGHLIGHT, MAX_NESTING, MAX_RICH_TEXT_CHARS, MAX_TEX } from './limits.ts';

/**
 * Texts of MAX_RICH_TEXT_CHARS characters, each built to make one part of the pipeline work
 * hardest; nested ones go MAX_NESTING deep. Many are over another bound and shown as typed;
 * measure-limits.ts times the longest prefix of each that is still formatted (the figures in
 * docs/web.md), worst-cases.test.ts checks that each renders quickly either way.
 */

/** `unit(i)` repeated (i = 0, 1, …) while the text stays within `size` characters. */
export function fill(unit: (i: number) => string, size = MAX_RICH_TEXT_CHARS): string {
  let out = '';
  for (let i = 0; ; i++) {
    const next = unit(i);
    if (out.length + next.length > size) return out;
    out += next;
  }
}

const D = MAX_NESTING;

/** Emphasis `n` deep: `*w _w *w … x*_*`, alternating so that none closes early. */
export function nestedEmphasis(n: number): string {
  const marks = Array.from({ length: n }, (_, k) => (k % 2 ? '_' : '*'));
  return `${marks.map((m) => `${m}w `).join('')}x${marks.reverse().join('')}`;
}
const prose = 'Alpha **beta** _gamma_ `delta` [epsilon](https://example.org/e) zeta eta theta.';

export const WORST_CASES: Record<string, string> = {
  'typical Markdown': fill(
    (i) =>
      `## Section ${i}\n\n${prose} ${prose}\n\n- one ${prose}\n- two\n  - nested\n\n` +
      `| a | b | c |\n| - | - | - |\n| 1 | 2 | 3 |\n\n> quoted ${prose}\n\n`,
  ),
  'block quotes nested to the limit': fill(() => `${'>'.repeat(D)} quoted line\n`),
  'lists nested to the limit': fill((i) => `${'  '.repeat(i % D)}- item ${i}\n`),
  'lists nested to the limit, one line each': fill(() => `${'- '.repeat(D)}x\n\n`),
  'quotes and lists alternating to the limit': fill(() => `${'> - '.repeat(D / 2)}x\nlazy\n`),
  'lazy quote continuations': fill(() => `${'>'.repeat(D)} a\nb\n`),
  'emphasis nested to the limit': fill(() => `${nestedEmphasis(D)}\n\n`),
  'unmatched emphasis delimiters': fill((i) => (i % 3 ? '*a ' : '_b **')),
  'unmatched brackets': fill((i) => (i % 2 ? '[a ' : '](b ')),
  'links nested in images': fill(() => `${'![a '.repeat(D)}x${'](u)'.repeat(D)}\n\n`),
  'many short formulas': fill((i) => `$x_{${i % 10}}$ `),
  'many prices': fill(() => '$5 and $6 '),
  'one long formula per paragraph': fill(
    () => `$$${'\\frac{a}{b}+'.repeat(Math.floor(MAX_TEX / 12) - 1)}1$$\n\n`,
  ),
  'unmatched underscores': fill(() => '_a_b '),
  'intraword stars': fill(() => 'a*'),
  'snake_case identifiers': fill((i) => `some_var_${i} `),
  'a long table': fill((i) =>
    i === 0 ? '| a | b | c | d |\n| - | - | - | - |\n' : `| ${i} | x | y | z |\n`,
  ),
  'a wide table': fill((i) =>
    i % 2 ? '| a '.repeat(200) + '|\n' + '| - '.repeat(200) + '|\n' : '| 1 '.repeat(200) + '|\n\n',
  ),
  'highlighted code': fill(
    () => `\`\`\`js\n${fill((i) => `const v${i} = f("s", 1, /r/g); // c\n`, MAX_HIGHLIGHT / 4)}\`\`\`\n\n`,
  ),
  'many paragraphs': fill(() => 'a\n\n'),
  'many one-character lines': fill(() => '\na\n'),
  'stars and quotes': fill(() => '*"'),
  'stars and brackets': fill(() => '*]'),
  'lone angle brackets': fill(() => '<'),
  'lone dollars': fill(() => '$'),
  'code spans of a dollar': fill(() => '\n`$`\n'),
  'nested HTML': fill(() => '<div>'),
  'unclosed inline HTML': fill(() => '<b>x '),
  'bare URLs': fill((i) => `www.example${i}.org/a_(b)_ `),
  'one long word': 'x'.repeat(MAX_RICH_TEXT_CHARS),
};
