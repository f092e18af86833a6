import type { PathError } from '../pathErrors.ts';

/** A project's gold settings as the API speaks of them (core/api/gold.ts). */
export interface GoldSettingsValue {
  warmup: number;
  rate: number;
  bar: { minAccuracy: number; after: number } | null;
  questions: Record<string, { tolerance?: number | undefined; spanMatch?: 'exact' | 'overlap' | undefined }>;
}

/** The form's draft: numbers as typed, the rate and the bar's accuracy in percent. */
export interface GoldDraft {
  warmup: string;
  ratePercent: string;
  barOn: boolean;
  minAccuracyPercent: string;
  after: string;
}

const trim = (x: number) => String(Math.round(x * 10_000) / 100);

export function goldDraftOf(g: GoldSettingsValue): GoldDraft {
  return {
    warmup: String(g.warmup),
    ratePercent: trim(g.rate),
    barOn: g.bar !== null,
    minAccuracyPercent: g.bar ? trim(g.bar.minAccuracy) : '70',
    after: g.bar ? String(g.bar.after) : '10',
  };
}

const wholeIn = (s: string, min: number, max: number) => {
  const n = Number(s);
  return s.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};
const percentIn = (s: string) => {
  const n = Number(s);
  return s.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : null;
};

/** The settings to send (per-question options kept as they were), or the problems in the form's words. */
export function checkGold(
  d: GoldDraft,
  before: GoldSettingsValue,
): { ok: true; value: GoldSettingsValue } | { ok: false; errors: PathError[] } {
  const errors: PathError[] = [];
  const warmup = wholeIn(d.warmup, 0, 1000);
  if (warmup === null)
    errors.push({ path: 'gold.warmup', message: 'Enter a whole number of items from 0 to 1000.' });
  const rate = percentIn(d.ratePercent);
  if (rate === null) errors.push({ path: 'gold.rate', message: 'Enter a percentage from 0 to 100.' });
  const minAccuracy = percentIn(d.minAccuracyPercent);
  const after = wholeIn(d.after, 1, 100_000);
  if (d.barOn && minAccuracy === null)
    errors.push({ path: 'gold.bar.minAccuracy', message: 'Enter a percentage from 0 to 100.' });
  if (d.barOn && after === null)
    errors.push({ path: 'gold.bar.after', message: 'Enter a whole number of gold items from 1 to 100000.' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      warmup: warmup!,
      rate: rate!,
      bar: d.barOn ? { minAccuracy: minAccuracy!, after: after! } : null,
      questions: before.questions,
    },
  };
}
