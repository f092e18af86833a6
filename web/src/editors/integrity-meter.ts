import type { IntegritySignals } from '../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { codePointLength } from '../../../core/interface/offsets.ts';

/** Gaps between keystrokes longer than this are pauses, not typing, and are left out of typingMs. */
export const MAX_TYPING_GAP_MS = 5000;

/** What one editing event adds to a question's signals; every count starts at zero. */
export type SignalsDelta = Partial<IntegritySignals>;

/**
 * The measuring kernel behind useIntegritySignals, one per answer box: each event returns what it
 * adds to the signals (or nothing). Pure apart from the injected clock.
 *
 *   typed(text)   characters typed (a keystroke's text, an IME composition); the gap since the
 *                 previous keystroke counts as typing time when it is at most MAX_TYPING_GAP_MS
 *   pasted(text)  the clipboard (or dropped) text: its length counts as pasted
 *   left()        the window lost focus or was hidden while the box had the focus: one focus
 *                 change, counted once until `returned()`
 */
export function createIntegrityMeter(now: () => number, maxGapMs = MAX_TYPING_GAP_MS) {
  let lastKeyAt: number | undefined;
  let away = false;
  return {
    typed(text: string): SignalsDelta | undefined {
      const chars = codePointLength(text);
      if (chars === 0) return undefined;
      const t = now();
      const gap = lastKeyAt === undefined ? 0 : t - lastKeyAt;
      lastKeyAt = t;
      return { typedChars: chars, typingMs: gap > 0 && gap <= maxGapMs ? Math.round(gap) : 0 };
    },
    pasted(text: string): SignalsDelta | undefined {
      const chars = codePointLength(text);
      // A paste is not a keystroke: the next key's gap is measured from here, not from before it.
      lastKeyAt = undefined;
      return chars === 0 ? undefined : { pastedChars: chars };
    },
    left(): SignalsDelta | undefined {
      if (away) return undefined;
      away = true;
      lastKeyAt = undefined;
      return { focusChanges: 1 };
    },
    returned(): void {
      away = false;
    },
  };
}
export type IntegrityMeter = ReturnType<typeof createIntegrityMeter>;

/**
 * The characters a native `input` event typed: its text for typing and a line break for Enter;
 * nothing for pastes and drops (measured from the clipboard), deletions, undo, autocorrect and
 * compositions in progress (counted once the composition ends).
 */
export function typedText(inputType: string, data: string | null): string {
  switch (inputType) {
    case 'insertText':
      return data ?? '';
    case 'insertLineBreak':
    case 'insertParagraph':
      return '\n';
    default:
      return '';
  }
}
