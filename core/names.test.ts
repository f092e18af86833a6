import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisplayName, isolatedName, MAX_NAME_LENGTH, nameProblem, visibleName } from './names.ts';

/** Every code point the rule must refuse by name or class, from the issue's list and beyond. */
const refused = [
  0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x7f, 0x85, 0x9f, 0xad, 0x34f, 0x61c, 0x115f, 0x1160, 0x180e, 0x200b, 0x200c,
  0x200d, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2061, 0x2062,
  0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x206a, 0x2800, 0x3164, 0xfeff, 0xffa0, 0xfff9, 0xe0001,
  0xe0041,
];
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Names people really have: scripts, accents, punctuation, emoji without joiners. */
const fine = [
  'Ada Lovelace',
  'Grace (external)',
  'José Ñúñez',
  'Nguyễn Thị Minh Khai',
  'مريم',
  'שרה כהן',
  '李小龙',
  'O’Brien-Smith, Jr.',
  'crowd-17',
  'ada@example.org',
  '🦊',
  'É',
];

describe('the name rule', () => {
  it.each(fine)('accepts %s', (name) => {
    expect(nameProblem(name)).toBeNull();
  });

  it.each(refused.map((cp) => [hex(cp), cp]))('refuses %s wherever it stands, naming it', (label, cp) => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme-ascii' }),
        fc.nat(),
        (base, at) => {
          const visible = `a${base.replace(/[^\x21-\x7e]/g, 'x')}`;
          const i = at % (visible.length + 1);
          const name = `${visible.slice(0, i)}${String.fromCodePoint(cp)}${visible.slice(i)}`;
          expect(nameProblem(name)).toMatch(
            new RegExp(`^${label.replace('+', '\\+')} \\(.+\\) is not allowed$`),
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('says which character it refuses in words', () => {
    expect(nameProblem('\u202Egro.x@nimda')).toBe('U+202E (right-to-left override) is not allowed');
    expect(nameProblem('a\u200Bb')).toBe('U+200B (zero width space) is not allowed');
    expect(nameProblem('a\tb')).toBe('U+0009 (a control character) is not allowed');
    expect(nameProblem('a\u{E0041}')).toBe('U+E0041 (an invisible formatting character) is not allowed');
  });

  it('refuses a name with nothing visible', () => {
    for (const name of ['\u0301', '\u0301\u0302', '\u3000'])
      expect(nameProblem(name)).toBe('must have at least one visible character');
  });

  it('refuses an empty name', () => {
    expect(nameProblem('')).toBe('must not be empty');
  });

  it('counts the length in code points: 200 emoji pass, 201 do not', () => {
    expect(nameProblem('🦊'.repeat(MAX_NAME_LENGTH))).toBeNull();
    expect(nameProblem('🦊'.repeat(MAX_NAME_LENGTH + 1))).toBe(
      `must be at most ${MAX_NAME_LENGTH} characters`,
    );
    expect(nameProblem('x'.repeat(1_000_000))).toBe(`must be at most ${MAX_NAME_LENGTH} characters`);
  });

  it('accepts any printable ASCII name with a visible character, up to the limit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,198}[\x21-\x7e]$/), (name) => {
        expect(nameProblem(name)).toBeNull();
      }),
    );
  });
});

describe('DisplayName (the schema the API and CLI use)', () => {
  it('trims, then applies the rule', () => {
    expect(DisplayName.parse('  Bo ')).toBe('Bo');
    const refusedName = DisplayName.safeParse('\u202Egro.x@nimda');
    expect(refusedName.success).toBe(false);
    expect(refusedName.error?.issues[0]?.message).toBe('U+202E (right-to-left override) is not allowed');
    expect(DisplayName.safeParse('   ').error?.issues[0]?.message).toBe('must not be empty');
  });
});

describe('visibleName (how a stored name is shown)', () => {
  it('writes out each refused character as its code point', () => {
    expect(visibleName('\u202Egro.x@nimda')).toBe('[U+202E]gro.x@nimda');
    expect(visibleName('ad\u200Bmin')).toBe('ad[U+200B]min');
  });

  it('writes out a name with nothing visible whole', () => {
    expect(visibleName('\u200B')).toBe('[U+200B]');
    expect(visibleName('\u3000\u0301')).toBe('[U+3000][U+0301]');
    expect(visibleName('')).toBe('[empty]');
  });

  it('leaves every name the rule accepts unchanged, and what it shows always passes the rule', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (name) => {
        if (nameProblem(name) === null) expect(visibleName(name)).toBe(name);
        expect(nameProblem(visibleName(name), Number.POSITIVE_INFINITY)).toBeNull();
      }),
    );
  });

  it('isolates the name in plain text', () => {
    expect(isolatedName('مريم')).toBe('\u2068مريم\u2069');
  });
});
