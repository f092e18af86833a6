import { z } from 'zod';

/**
 * The rule for names people give to people and projects (account names, imported annotators,
 * project names): text that is shown to others as an identity, so it must look like what it is.
 *
 * A name is trimmed, then refused if it holds a character that is invisible or changes how the
 * text around it is drawn (controls, bidi controls, zero-width and other format characters,
 * invisible fillers), if nothing of it is visible, or if it is longer than MAX_NAME_LENGTH code
 * points. Names stored before the rule keep working: the web app shows every name isolated and
 * draws such characters visibly (web/src/ui/Name.tsx).
 */

/** Code points, not UTF-16 units: the limit reads the same for every script and for emoji. */
export const MAX_NAME_LENGTH = 200;

/** Characters with a name of their own in messages; the rest of their class gets a generic one. */
const named: Record<number, string> = {
  173: 'soft hyphen',
  847: 'combining grapheme joiner',
  1564: 'Arabic letter mark',
  4447: 'Hangul choseong filler',
  4448: 'Hangul jungseong filler',
  6068: 'Khmer vowel inherent aq',
  6069: 'Khmer vowel inherent aa',
  6158: 'Mongolian vowel separator',
  8203: 'zero width space',
  8204: 'zero width non-joiner',
  8205: 'zero width joiner',
  8206: 'left-to-right mark',
  8207: 'right-to-left mark',
  8232: 'line separator',
  8233: 'paragraph separator',
  8234: 'left-to-right embedding',
  8235: 'right-to-left embedding',
  8236: 'pop directional formatting',
  8237: 'left-to-right override',
  8238: 'right-to-left override',
  8288: 'word joiner',
  8289: 'function application',
  8290: 'invisible times',
  8291: 'invisible separator',
  8292: 'invisible plus',
  8294: 'left-to-right isolate',
  8295: 'right-to-left isolate',
  8296: 'first strong isolate',
  8297: 'pop directional isolate',
  10240: 'Braille pattern blank',
  12644: 'Hangul filler',
  65279: 'zero width no-break space',
  65440: 'halfwidth Hangul filler',
};

/**
 * Controls (Cc: C0, DEL, C1), format characters (Cf: bidi controls, zero-width characters, soft
 * hyphen, tags…), lone surrogates (Cs), line and paragraph separators, and the invisible letters
 * and marks named above, which draw nothing and so can hide inside a name.
 */
const REFUSED = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u115f\u1160\u2800\u3164\uffa0]|\u034f|\u17b4|\u17b5/u;
/** Something that draws ink: a letter, digit, punctuation or symbol (the blank ones are refused above). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** `U+202E`: a code point as Unicode writes it. */
export const codePointLabel = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** What kind of character a refused code point is, for a person reading the error. */
export function refusedCharacterName(cp: number): string {
  const known = named[cp];
  if (known) return known;
  const ch = String.fromCodePoint(cp);
  if (/\p{Cc}/u.test(ch)) return 'a control character';
  if (/\p{Cs}/u.test(ch)) return 'a lone surrogate';
  return 'an invisible formatting character';
}

/** The first refused code point of `text`, if any. */
export function firstRefusedCodePoint(text: string): number | undefined {
  const at = text.search(REFUSED);
  return at === -1 ? undefined : text.codePointAt(at);
}

/**
 * What is wrong with a name (already trimmed), as a phrase to follow the field's name, or null:
 * `U+202E (right-to-left override) is not allowed`.
 */
export function nameProblem(name: string, maxLength = MAX_NAME_LENGTH): string | null {
  if (name === '') return 'must not be empty';
  const refused = firstRefusedCodePoint(name);
  if (refused !== undefined)
    return `${codePointLabel(refused)} (${refusedCharacterName(refused)}) is not allowed`;
  if (!VISIBLE.test(name)) return 'must have at least one visible character';
  let length = 0;
  for (const _ of name) if (++length > maxLength) return `must be at most ${maxLength} characters`;
  return null;
}

/**
 * A stored name as it may be shown: every character the rule refuses is written out as its code
 * point (`[U+202E]`), and a name with nothing visible is written out whole, so no stored name
 * (from before the rule) can draw as something else or as nothing. Names the rule accepts come
 * back unchanged.
 */
export function visibleName(name: string): string {
  const global = new RegExp(REFUSED.source, 'gu');
  if (VISIBLE.test(name)) return name.replace(global, (ch) => `[${codePointLabel(ch.codePointAt(0)!)}]`);
  return [...name].map((ch) => `[${codePointLabel(ch.codePointAt(0)!)}]`).join('') || '[empty]';
}

/**
 * A name for plain text (a sentence, an aria-label, a tooltip, the window title): visibleName
 * between first-strong-isolate and pop-directional-isolate, so a right-to-left name cannot
 * reorder the words around it.
 */
export const isolatedName = (name: string): string => `\u2068${visibleName(name)}\u2069`;

/** A name as the API takes it: trimmed, then checked by nameProblem. */
export const DisplayName = z
  .string()
  .trim()
  .superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    minLength: 1,
    maxLength: MAX_NAME_LENGTH,
    description: `at most ${MAX_NAME_LENGTH} characters (code points), with a visible one; control, bidi and invisible formatting characters are refused`,
  });
