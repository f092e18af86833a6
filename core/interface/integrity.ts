import { codePointLength } from './offsets.ts';

/**
 * Integrity signals of written answers (text and rewrite questions): how much of an answer came
 * from the clipboard and how fast its typed part was typed. The browser measures them per question
 * and save; the server sums them per annotation; managers and reviewers see the flags they raise.
 * A flag is a hint for a reviewer, never a refusal. Characters are Unicode code points.
 */
export interface IntegritySignals {
  /** Characters pasted into the answer (the clipboard text's length, per paste). */
  pastedChars: number;
  /** Characters typed (inserted other than by paste or drop). */
  typedChars: number;
  /** Active typing time: the gaps between keystrokes, each gap over 5 s left out. */
  typingMs: number;
  /** Times the window lost focus or was hidden while the answer had the focus. */
  focusChanges: number;
}

export type IntegrityFlag = 'mostly_pasted' | 'implausibly_fast';

/** The documented thresholds (docs/data-model.md, "Integrity signals"). */
export const INTEGRITY_THRESHOLDS = {
  /** mostly_pasted: an answer at least this long… */
  pastedMinLength: 200,
  /** …of which more than this share of its length was pasted. */
  pastedShare: 0.5,
  /** implausibly_fast: at least this many characters typed… */
  fastMinTyped: 200,
  /** …at more than this many characters per minute of typing time. */
  fastCharsPerMinute: 1500,
} as const;

/** The question types whose answers carry signals. */
export const SIGNAL_QUESTION_TYPES: readonly string[] = ['text', 'rewrite'];

export const noSignals = (): IntegritySignals => ({
  pastedChars: 0,
  typedChars: 0,
  typingMs: 0,
  focusChanges: 0,
});

export const addSignals = (a: IntegritySignals, b: IntegritySignals): IntegritySignals => ({
  pastedChars: a.pastedChars + b.pastedChars,
  typedChars: a.typedChars + b.typedChars,
  typingMs: a.typingMs + b.typingMs,
  focusChanges: a.focusChanges + b.focusChanges,
});

/** Adds `more` to `into`, question by question (a new object; neither input changes). */
export function sumSignals(
  into: Readonly<Record<string, IntegritySignals>>,
  more: Readonly<Record<string, IntegritySignals>>,
): Record<string, IntegritySignals> {
  const out = { ...into };
  for (const [name, s] of Object.entries(more)) out[name] = addSignals(out[name] ?? noSignals(), s);
  return out;
}

/** The flags `signals` raise for an answer whose final text is `finalText`. */
export function integrityFlags(signals: IntegritySignals, finalText: string): IntegrityFlag[] {
  const t = INTEGRITY_THRESHOLDS;
  const flags: IntegrityFlag[] = [];
  const length = codePointLength(finalText);
  if (length >= t.pastedMinLength && signals.pastedChars > length * t.pastedShare)
    flags.push('mostly_pasted');
  // No typing time at all for 200 typed characters is an infinite rate, which is over any limit.
  if (
    signals.typedChars >= t.fastMinTyped &&
    signals.typedChars * 60_000 > t.fastCharsPerMinute * signals.typingMs
  ) {
    flags.push('implausibly_fast');
  }
  return flags;
}

/** The written text of an answer: a text answer itself, a rewrite's `text`; '' for anything else. */
export function answerText(answer: unknown): string {
  if (typeof answer === 'string') return answer;
  if (
    answer !== null &&
    typeof answer === 'object' &&
    typeof (answer as { text?: unknown }).text === 'string'
  )
    return (answer as { text: string }).text;
  return '';
}

/** The flags of every question with signals, against its answer; questions without a flag are left out. */
export function answerFlags(
  signals: Readonly<Record<string, IntegritySignals>>,
  answers: Readonly<Record<string, unknown>>,
): Record<string, IntegrityFlag[]> {
  const out: Record<string, IntegrityFlag[]> = {};
  for (const [name, s] of Object.entries(signals)) {
    const flags = integrityFlags(s, answerText(answers[name]));
    if (flags.length > 0) out[name] = flags;
  }
  return out;
}
