import type { InterfaceDefinition } from '../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { pairwiseLabels } from '../../../core/interface/questions/pairwise-scale.ts';
import { digitAnswer } from './pairwise/scale.ts';

/**
 * The annotation view's keyboard map, pure: which command a key press means where focus is.
 * Components classify the focused element and dispatch; nothing here touches the DOM.
 */
export type Command = 'submit' | 'skip' | 'previous' | 'undo' | 'redo' | 'help';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Where the key was pressed: typing into a box, on a button or link, on a choice, or elsewhere. */
export type FocusKind = 'text-entry' | 'textarea' | 'control' | 'choice' | 'other';

export function commandFor(e: KeyLike, where: FocusKind): Command | undefined {
  const mod = e.ctrlKey || e.metaKey;
  const typing = where === 'text-entry' || where === 'textarea';
  if (mod && !e.altKey) {
    if (e.key === 'Enter') return 'submit';
    if (e.key.toLowerCase() === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (e.key.toLowerCase() === 'y') return 'redo';
    return undefined;
  }
  if (e.altKey || e.metaKey || e.ctrlKey) return undefined;
  // Enter on a button or link activates it; in a text area it is a new line.
  if (e.key === 'Enter' && !e.shiftKey)
    return where === 'control' || where === 'textarea' ? undefined : 'submit';
  if (typing) return undefined;
  if (e.key === 's' || e.key === 'S') return 'skip';
  if (e.key === 'p' || e.key === 'P') return 'previous';
  if (e.key === '?') return 'help';
  return undefined;
}

/** The digit 1–9 of a plain key press outside text boxes, else undefined. */
export function digitOf(e: KeyLike, where: FocusKind): number | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || where === 'text-entry' || where === 'textarea') return undefined;
  return /^[1-9]$/.test(e.key) ? Number(e.key) : undefined;
}

type Question = InterfaceDefinition['questions'][number];
const pickable = (q: Question) =>
  q.type === 'choice' || q.type === 'multi_choice' || q.type === 'rating' || q.type === 'pairwise';

/** The question digits answer: the focused one if it has options, else the first that has. */
export function digitQuestion(iface: InterfaceDefinition, focused: string | undefined): Question | undefined {
  const f = iface.questions.find((q) => q.name === focused);
  return f && pickable(f) ? f : iface.questions.find(pickable);
}

/** What a question's options are, in order, for digits and display. */
export function optionsOf(q: Question): (string | number)[] {
  if (q.type === 'choice' || q.type === 'multi_choice') return q.options;
  if (q.type === 'rating') return Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
  if (q.type === 'pairwise') return pairwiseLabels(q);
  return [];
}

/**
 * The answer after pressing digit `n` on question `q`, or undefined if the digit picks nothing.
 * A pairwise question needs its two candidate ids in the order shown (`pair`: A, then B).
 */
export function applyDigit(q: Question, answer: unknown, n: number, pair: readonly string[] = []): unknown {
  if (q.type === 'pairwise') return digitAnswer(answer, n, pair, q.scale);
  const option = optionsOf(q)[n - 1];
  if (option === undefined) return undefined;
  if (q.type !== 'multi_choice') return option;
  const chosen = Array.isArray(answer) ? answer : [];
  return chosen.includes(option)
    ? chosen.filter((o) => o !== option)
    : q.options.filter((o) => o === option || chosen.includes(o));
}

/** Every shortcut, for the help dialog. */
export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: '1 – 9', does: 'Pick an option of the focused question (or the first one with options)' },
  { keys: '1 – 7', does: 'Compare two answers: pick a point of the scale (1 = A much better)' },
  { keys: 'Alt + ↑ ↓', does: 'Rank answers: move the focused answer up or down' },
  { keys: 'Enter', does: 'Submit' },
  { keys: 'Ctrl/⌘ + Enter', does: 'Submit, also from a text box' },
  { keys: 'S', does: 'Skip (asks for an optional reason)' },
  { keys: 'P', does: 'Open your previous item (submitted or skipped) to review or edit it' },
  { keys: 'Ctrl/⌘ + Z', does: 'Undo the last change' },
  { keys: 'Ctrl/⌘ + Shift + Z', does: 'Redo' },
  { keys: 'Tab / Shift + Tab', does: 'Next / previous question' },
  { keys: 'Shift + ← →', does: 'In a text: select by character (Ctrl/⌥ for words, ↑ ↓ for lines)' },
  { keys: 'Letter', does: 'Label the selected text (the letter is shown beside each label)' },
  { keys: 'Delete', does: 'On a span in the list: remove it (a letter relabels it)' },
  { keys: 'C / I / U', does: 'On a step of a step check: correct / incorrect / unverifiable (↑ ↓ move)' },
  { keys: '1 – 9 in a grid', does: 'In a rubric cell or a reply’s rating: pick that score (1 pass, 2 fail)' },
  { keys: 'Space / ← →', does: 'On a recording’s player: play or pause / seek 5 s (Shift: 1 s); + − zoom' },
  {
    keys: '[ / ] on a player',
    does: 'Regions: mark a start / an end at the playhead (or move the selected region’s edge); 1 – 9 label it',
  },
  {
    keys: 'Tab / P / Delete on a player',
    does: 'Regions: select the next (Shift: previous) / play it / delete it',
  },
  { keys: 'Enter in a transcript line', does: 'Split at the playhead, or start a line from this one’s end' },
  {
    keys: ', / . (Shift: 10)',
    does: 'On a video player: a frame back / on; [ ] start / end a segment; N new track, arrows nudge, O out, K next keyframe',
  },
  { keys: 'Esc', does: 'Drop the selection; close a dialog' },
  { keys: '?', does: 'Show these shortcuts' },
];
