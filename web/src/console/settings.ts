import type { Project } from '../../../core/api/projects.ts';
import type { SuggestionsMode } from '../../../core/suggestions.ts';
import type { PathError } from './pathErrors.ts';

/**
 * Project settings as the form edits them: numbers as typed, the lock time in minutes (the one
 * unit of every form; the API speaks of lockTtlSeconds).
 */
export interface SettingsDraft {
  name: string;
  guidelines: string;
  overlap: string;
  /** Minutes, as typed (a fraction is allowed: 0.5 is 30 seconds). */
  lock: string;
  itemOrder: 'sequential' | 'random';
  allowEditSubmitted: boolean;
  /** Which suggestion annotators see (docs/suggestions.md); absent in drafts kept from before. */
  suggestionsMode?: SuggestionsMode;
  /** The agent of mode 'agent', as typed. */
  suggestionsAgent?: string;
  /** Which submissions enter review (docs/quality.md); absent in drafts kept from before. */
  reviewMode?: ReviewMode;
  /** The share sampled per annotator in mode 'sample', as typed. */
  reviewPercent?: string;
  /** Adaptive overlap on (docs/quality.md): `overlap` is then the minimum. Absent in drafts kept from before. */
  adaptive?: boolean;
  /** The most annotators an item can get, as typed. */
  adaptiveMax?: string;
  /** The disagreement score above which an item gets one more, as typed. */
  adaptiveThreshold?: string;
  /** Model judges count in the consensus export (docs/quality.md); absent in drafts kept from before. */
  judgeInConsensus?: boolean;
}

export type ReviewMode = 'none' | 'sample' | 'all';

export interface Settings {
  name: string;
  guidelines: string;
  overlap: number;
  lockTtlSeconds: number;
  itemOrder: 'sequential' | 'random';
  allowEditSubmitted: boolean;
  suggestions: { mode: SuggestionsMode; agent?: string };
  review: { mode: ReviewMode; percent?: number };
  adaptiveOverlap: { max: number; threshold: number } | null;
  judgeInConsensus: boolean;
}

export const defaultSettings: SettingsDraft = {
  name: '',
  guidelines: '',
  overlap: '1',
  lock: '10',
  itemOrder: 'sequential',
  allowEditSubmitted: true,
  suggestionsMode: 'best',
  suggestionsAgent: '',
  reviewMode: 'none',
  reviewPercent: '10',
  adaptive: false,
  adaptiveMax: '3',
  adaptiveThreshold: '0.3',
};

export function settingsOf(p: Project): SettingsDraft {
  return {
    name: p.name,
    guidelines: p.guidelines,
    overlap: String(p.overlap),
    lock: minutesOf(p.lockTtlSeconds),
    itemOrder: p.itemOrder,
    allowEditSubmitted: p.allowEditSubmitted,
    suggestionsMode: p.suggestions.mode,
    suggestionsAgent: p.suggestions.agent ?? '',
    reviewMode: p.review.mode,
    reviewPercent: String(p.review.percent ?? 10),
    adaptive: p.adaptiveOverlap !== null,
    adaptiveMax: String(p.adaptiveOverlap?.max ?? p.overlap + 1),
    adaptiveThreshold: String(p.adaptiveOverlap?.threshold ?? 0.3),
    judgeInConsensus: p.judgeInConsensus,
  };
}

/** Seconds as minutes, to two decimals at most (45 s is "0.75"; the form rounds to whole seconds). */
export const minutesOf = (seconds: number): string => String(Math.round((seconds / 60) * 100) / 100);

/**
 * The settings to send, or the problems the browser can tell before asking the server (in this
 * form's words: the server would speak of seconds while the form may show minutes).
 */
export function checkSettings(
  d: SettingsDraft,
): { ok: true; value: Settings } | { ok: false; errors: PathError[] } {
  const errors: PathError[] = [];
  const overlap = Number(d.overlap);
  if (d.overlap.trim() === '' || !Number.isInteger(overlap) || overlap < 1 || overlap > 100)
    errors.push({ path: 'overlap', message: 'Enter a whole number of annotators from 1 to 100.' });
  const seconds = Math.round(Number(d.lock) * 60);
  if (d.lock.trim() === '' || !Number.isFinite(seconds) || seconds < 30 || seconds > 86_400)
    errors.push({
      path: 'lockTtlSeconds',
      message: 'Enter a lock time in minutes, from 0.5 (30 seconds) to 1440 (24 hours).',
    });
  if (d.name.trim() === '') errors.push({ path: 'name', message: 'Give the project a name.' });
  const mode = d.suggestionsMode ?? 'best';
  const agent = (d.suggestionsAgent ?? '').trim();
  if (mode === 'agent' && agent === '')
    errors.push({ path: 'suggestions.agent', message: 'Name the agent whose suggestions annotators see.' });
  const review = d.reviewMode ?? 'none';
  const percent = Number(d.reviewPercent ?? '10');
  if (review === 'sample' && !(Number.isInteger(percent) && percent >= 1 && percent <= 100))
    errors.push({ path: 'review.percent', message: 'Enter a whole percentage from 1 to 100.' });
  const adaptive = d.adaptive ? checkAdaptive(d, overlap, errors) : null;
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: d.name,
      guidelines: d.guidelines,
      overlap,
      lockTtlSeconds: seconds,
      itemOrder: d.itemOrder,
      allowEditSubmitted: d.allowEditSubmitted,
      suggestions: mode === 'agent' ? { mode, agent } : { mode },
      review: review === 'sample' ? { mode: review, percent } : { mode: review },
      adaptiveOverlap: adaptive,
      judgeInConsensus: d.judgeInConsensus ?? false,
    },
  };
}

/** The adaptive overlap fields: a whole maximum above the overlap (at most 100), a threshold in 0..1. */
function checkAdaptive(d: SettingsDraft, overlap: number, errors: PathError[]) {
  const max = Number(d.adaptiveMax ?? '');
  const threshold = Number(d.adaptiveThreshold ?? '');
  if ((d.adaptiveMax ?? '').trim() === '' || !Number.isInteger(max) || max <= overlap || max > 100)
    errors.push({
      path: 'adaptiveOverlap.max',
      message: 'Enter a whole number of annotators above the minimum (overlap), at most 100.',
    });
  if ((d.adaptiveThreshold ?? '').trim() === '' || !(threshold >= 0 && threshold <= 1))
    errors.push({ path: 'adaptiveOverlap.threshold', message: 'Enter a disagreement score from 0 to 1.' });
  return { max, threshold };
}
