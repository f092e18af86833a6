/**
 * Suggestions (docs/suggestions.md): which of an item's predictions an annotator is shown, and
 * whether a submitted answer took a suggested one unchanged. Pure: the server, the web app and
 * the statistics share it.
 */

import type { InterfaceDefinition } from './interface/index.ts';

export type SuggestionsMode = 'off' | 'agent' | 'best';

/** A project's choice: no suggestions, one agent's, or the best-scored of each item. */
export interface SuggestionsSetting {
  mode: SuggestionsMode;
  /** The agent shown in mode 'agent'. */
  agent?: string | null | undefined;
}

/** Enough of a prediction to choose between them. */
export interface Scored {
  agent: string;
  score: number | null;
}

/**
 * The prediction an annotator is shown under the setting, or undefined. 'best' takes the highest
 * score (a prediction without a score comes after every scored one), ties by agent name (the
 * smaller in code-unit order, so every process picks the same one).
 */
export function pickSuggestion<P extends Scored>(
  predictions: readonly P[],
  setting: SuggestionsSetting,
): P | undefined {
  if (setting.mode === 'off') return undefined;
  if (setting.mode === 'agent') return predictions.find((p) => p.agent === setting.agent);
  let best: P | undefined;
  for (const p of predictions) if (best === undefined || ranksBefore(p, best)) best = p;
  return best;
}

function ranksBefore(a: Scored, b: Scored): boolean {
  const sa = a.score ?? Number.NEGATIVE_INFINITY;
  const sb = b.score ?? Number.NEGATIVE_INFINITY;
  if (sa !== sb) return sa > sb;
  return a.agent < b.agent;
}

/** A JSON value with every object's keys sorted, so equal values serialise equally. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = canonical((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Canonical JSON text of a value: object keys sorted, no spaces. */
export const canonicalJson = (v: unknown): string => JSON.stringify(canonical(v)) ?? 'null';

/** Whether two answers are the same JSON (object key order aside). */
export const sameAnswer = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** What became of one suggested answer in a submission. */
export interface SuggestionOutcome {
  question: string;
  /** Submitted unchanged; otherwise changed (another answer, or none). */
  accepted: boolean;
}

/**
 * For each question the suggestion answers, whether the submitted answers kept it unchanged.
 * Questions the suggestion leaves out are not counted: nothing was suggested there.
 */
export function suggestionOutcomes(
  submitted: Record<string, unknown>,
  suggested: Record<string, unknown>,
): SuggestionOutcome[] {
  const out: SuggestionOutcome[] = [];
  for (const question of Object.keys(suggested)) {
    const given = Object.hasOwn(submitted, question) ? submitted[question] : undefined;
    const accepted = given !== undefined && given !== null && sameAnswer(given, suggested[question]);
    out.push({ question, accepted });
  }
  return out;
}

/** One row of the acceptance table: an agent, and a question or (question null) all of them. */
export interface AcceptanceRow {
  agent: string;
  /** Null: the agent's total over every question. */
  question: string | null;
  /** Suggested answers in submitted annotations. */
  shown: number;
  accepted: number;
  changed: number;
  /** accepted / shown; null when nothing was shown. */
  rate: number | null;
}

/** Counts outcomes per agent and question; rows() gives each agent's total, then its questions. */
export class AcceptanceTally {
  private readonly counts = new Map<string, Map<string, { shown: number; accepted: number }>>();

  add(agent: string, outcomes: readonly SuggestionOutcome[]): void {
    let perQuestion = this.counts.get(agent);
    if (!perQuestion) {
      perQuestion = new Map();
      this.counts.set(agent, perQuestion);
    }
    for (const o of outcomes) {
      const c = perQuestion.get(o.question) ?? { shown: 0, accepted: 0 };
      c.shown += 1;
      if (o.accepted) c.accepted += 1;
      perQuestion.set(o.question, c);
    }
  }

  /** Agents by name; each agent's total row first, then its questions in `order` (others last, by name). */
  rows(order: readonly string[] = []): AcceptanceRow[] {
    const rank = (q: string) => {
      const at = order.indexOf(q);
      return at === -1 ? order.length : at;
    };
    const out: AcceptanceRow[] = [];
    for (const agent of [...this.counts.keys()].sort()) {
      const perQuestion = this.counts.get(agent)!;
      const questions = [...perQuestion.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
      let shown = 0;
      let accepted = 0;
      const rows: AcceptanceRow[] = [];
      for (const q of questions) {
        const c = perQuestion.get(q)!;
        shown += c.shown;
        accepted += c.accepted;
        rows.push(row(agent, q, c.shown, c.accepted));
      }
      out.push(row(agent, null, shown, accepted), ...rows);
    }
    return out;
  }
}

const row = (agent: string, question: string | null, shown: number, accepted: number): AcceptanceRow => ({
  agent,
  question,
  shown,
  accepted,
  changed: shown - accepted,
  rate: shown === 0 ? null : accepted / shown,
});

/**
 * Whether annotators may see agent names and scores: only when the project reveals models, that
 * is, it has a `responses` field and every one of them reveals its models. Agents are often model
 * names, and a blind evaluation must not leak them (core/interface/blind.ts).
 */
export function revealsAgents(iface: Pick<InterfaceDefinition, 'fields'>): boolean {
  const responses = iface.fields.filter((f) => f.type === 'responses');
  return responses.length > 0 && responses.every((f) => f.type === 'responses' && f.revealModels === true);
}
