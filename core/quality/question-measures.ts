import { type QuestionDefinition, STEP_VERDICTS } from '../interface/index.ts';
import type { AnnotatorTally } from './annotator-tally.ts';
import { type CategoricalMeasure, type CategoricalResult, type Coded, coded } from './categorical.ts';
import type { Answer, QuestionMeasure } from './measure.ts';
import { RankingMeasure } from './ranking-measure.ts';
import type { QuestionReport } from './report.ts';

export type { Answer, QuestionMeasure } from './measure.ts';

import { FramesMeasure } from './frames-measure.ts';
import { SegmentsMeasure } from './segments-measure.ts';
import { SpansMeasure } from './spans-measure.ts';
import { TracksMeasure } from './tracks-measure.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A question measured as one categorical measure, its code read by `read` (undefined: not answered). */
function single(
  q: QuestionDefinition,
  measure: CategoricalMeasure,
  read: (
    value: unknown,
    data: Record<string, unknown> | undefined,
    all: readonly Answer[],
  ) => number | undefined,
  extra?: (
    answers: readonly Answer[],
    data: Record<string, unknown> | undefined,
    tally: AnnotatorTally,
  ) => number[],
  extraResult?: () => Partial<QuestionReport>,
): QuestionMeasure {
  return {
    addItem(answers, data, tally) {
      const values: Coded[] = [];
      for (const a of answers) {
        const code = read(a.value, data, answers);
        if (code !== undefined) values.push({ annotator: a.annotator, unit: '', code });
      }
      return [...measure.addItem(values, tally), ...(extra?.(answers, data, tally) ?? [])];
    },
    result: () => ({ type: q.type, ...measure.result(), ...(extraResult?.() ?? {}) }),
  };
}

/** Many categorical measures keyed by a name (an option, a criterion, a step index). */
class Keyed {
  readonly #measures = new Map<string, CategoricalMeasure>();
  readonly #make: (key: string) => CategoricalMeasure | undefined;
  constructor(make: (key: string) => CategoricalMeasure | undefined) {
    this.#make = make;
  }
  addItem(values: readonly (Coded & { key: string })[], tally: AnnotatorTally): number[] {
    const byKey = new Map<string, Coded[]>();
    for (const v of values) {
      const list = byKey.get(v.key);
      if (list) list.push(v);
      else byKey.set(v.key, [v]);
    }
    const scores: number[] = [];
    for (const [key, list] of byKey) {
      let m = this.#measures.get(key);
      if (!m) {
        m = this.#make(key);
        if (!m) continue;
        this.#measures.set(key, m);
      }
      tally.place.part = key;
      scores.push(...m.addItem(list, tally));
      tally.place.part = '';
    }
    return scores;
  }
  keys(): string[] {
    return [...this.#measures.keys()];
  }
  result(key: string) {
    return this.#measures.get(key)?.result();
  }
}

/** Answers seen per item, for `n` of kinds that are listed but not measured. */
function listed(q: QuestionDefinition): QuestionMeasure {
  let n = 0;
  return {
    addItem(answers) {
      n += answers.length;
      return [];
    },
    result: () => ({ type: q.type, n }),
  };
}

/** Signed strength of a pairwise preference: −strength toward the first candidate, + toward the second, 0 a tie. */
function signedStrength(
  pref: unknown,
  field: string,
  data: Record<string, unknown> | undefined,
  all: readonly Answer[],
  pick: (value: unknown) => unknown,
): number | undefined {
  if (!isRecord(pref) || typeof pref.strength !== 'number') return undefined;
  if (pref.preferred === null || pref.strength === 0) return 0;
  const first = firstCandidate(field, data, all, pick);
  return pref.preferred === first ? -pref.strength : pref.strength;
}

function firstCandidate(
  field: string,
  data: Record<string, unknown> | undefined,
  all: readonly Answer[],
  pick: (value: unknown) => unknown,
): unknown {
  const list = data?.[field];
  if (Array.isArray(list) && isRecord(list[0]) && typeof list[0].id === 'string') return list[0].id;
  // Without the item's data: the candidates named in the answers, in id order.
  const named = all
    .map((a) => pick(a.value))
    .map((p) => (isRecord(p) && typeof p.preferred === 'string' ? p.preferred : undefined))
    .filter((id): id is string => id !== undefined)
    .sort();
  return named[0];
}

/** The measure of each question kind (docs/quality.md lists which coefficients each gets). */
export function measureFor(q: QuestionDefinition): QuestionMeasure {
  switch (q.type) {
    case 'choice':
      return single(q, coded.nominal(q.options.length), (v) => {
        const i = typeof v === 'string' ? q.options.indexOf(v) : -1;
        return i < 0 ? undefined : i;
      });
    case 'rating':
      return single(q, coded.scale(q.min, q.max), (v) => (typeof v === 'number' ? v : undefined));
    case 'number':
      return single(q, coded.numeric(), (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined));
    case 'pairwise': {
      const m = (q.scale - 1) / 2;
      const criteria = new Keyed((key) =>
        q.criteria?.some((c) => c.name === key) ? coded.scale(-m, m) : undefined,
      );
      return single(
        q,
        coded.scale(-m, m),
        (v, data, all) => signedStrength(v, q.field, data, all, (x) => x),
        (answers, data, tally) =>
          criteria.addItem(
            answers.flatMap((a) => {
              const by = isRecord(a.value) && isRecord(a.value.criteria) ? a.value.criteria : {};
              return Object.entries(by).flatMap(([key, pref]) => {
                const s = signedStrength(pref, q.field, data, answers, (x) =>
                  isRecord(x) && isRecord(x.criteria) ? x.criteria[key] : undefined,
                );
                return s === undefined ? [] : [{ annotator: a.annotator, unit: '', code: s, key }];
              });
            }),
            tally,
          ),
        () => (q.criteria?.length ? { criteria: keyedResults(criteria) } : {}),
      );
    }
    case 'multi_choice':
      return multiChoiceMeasure(q);
    case 'rubric':
      return rubricMeasure(q);
    case 'steps':
      return stepsMeasure(q);
    case 'spans':
      return new SpansMeasure(q.type);
    case 'ranking':
      return new RankingMeasure(q.type);
    case 'segments':
      return new SegmentsMeasure(q);
    case 'frames':
      return new FramesMeasure(q);
    case 'tracks':
      return new TracksMeasure(q.type);
    default:
      return listed(q);
  }
}

function keyedResults(keyed: Keyed, order?: readonly string[]) {
  const out: Record<string, CategoricalResult> = {};
  for (const key of order ?? keyed.keys().sort()) {
    const r = keyed.result(key);
    if (r) out[key] = r;
  }
  return out;
}

function rubricMeasure(q: Extract<QuestionDefinition, { type: 'rubric' }>): QuestionMeasure {
  const scales = new Map(q.criteria.map((c) => [c.name, c.scale]));
  const criteria = new Keyed((key) => {
    const scale = scales.get(key);
    if (scale === undefined) return undefined;
    return scale === 'pass_fail' ? coded.binary() : coded.scale(scale.min, scale.max);
  });
  let n = 0;
  return {
    addItem(answers, _data, tally) {
      const values = answers.flatMap((a) => {
        const grades = isRecord(a.value) && Array.isArray(a.value.grades) ? a.value.grades : [];
        if (grades.length > 0) n++;
        return grades.filter(isRecord).flatMap((g) =>
          Object.entries(isRecord(g.scores) ? g.scores : {}).flatMap(([key, s]) => {
            const score = isRecord(s) ? s.score : undefined;
            const code =
              typeof score === 'boolean' ? Number(score) : typeof score === 'number' ? score : undefined;
            const unit = typeof g.candidate === 'string' ? g.candidate : '';
            return code === undefined ? [] : [{ annotator: a.annotator, unit, key, code }];
          }),
        );
      });
      return criteria.addItem(values, tally);
    },
    result: () => ({
      type: q.type,
      n,
      criteria: keyedResults(
        criteria,
        q.criteria.map((c) => c.name),
      ),
    }),
  };
}

function stepsMeasure(q: Extract<QuestionDefinition, { type: 'steps' }>): QuestionMeasure {
  const steps = new Keyed(() => coded.nominal(STEP_VERDICTS.length));
  let n = 0;
  return {
    addItem(answers, _data, tally) {
      const values = answers.flatMap((a) => {
        const marks = isRecord(a.value) && Array.isArray(a.value.steps) ? a.value.steps : [];
        if (marks.length > 0) n++;
        const unit = isRecord(a.value) && typeof a.value.candidate === 'string' ? a.value.candidate : '';
        return marks.flatMap((mark, i) => {
          const code = isRecord(mark) ? STEP_VERDICTS.indexOf(mark.verdict as never) : -1;
          return code < 0 ? [] : [{ annotator: a.annotator, unit, key: String(i), code }];
        });
      });
      return steps.addItem(values, tally);
    },
    result: () => ({
      type: q.type,
      n,
      steps: steps
        .keys()
        .sort((a, b) => Number(a) - Number(b))
        .map((key) => ({ step: Number(key), ...(steps.result(key) as CategoricalResult) })),
    }),
  };
}

function multiChoiceMeasure(q: Extract<QuestionDefinition, { type: 'multi_choice' }>): QuestionMeasure {
  const options = new Keyed(() => coded.binary());
  let n = 0;
  return {
    addItem(answers, _data, tally) {
      const values = answers.flatMap((a) => {
        if (!Array.isArray(a.value)) return [];
        n++;
        const chosen = new Set(a.value);
        return q.options.map((key) => ({
          annotator: a.annotator,
          unit: '',
          key,
          code: chosen.has(key) ? 1 : 0,
        }));
      });
      return options.addItem(values, tally);
    },
    result: () => ({ type: q.type, n, options: keyedResults(options, q.options) }),
  };
}
