import { nameProblem } from '../names.ts';
import { isObject, quote } from './json-shape.ts';

/** A prediction an import line carries: an agent's suggested answers for the item. */
export interface ImportedPrediction {
  /** Who predicted: a model, a heuristic, another team (the name rule of core/names.ts). */
  agent: string;
  /** How confident the agent is; higher is better. Null when not given. */
  score: number | null;
  /** Answers by question name, a partial or full set; the server checks them against the interface. */
  answers: Record<string, unknown>;
}

/** At most this many predictions on one import line (docs/suggestions.md). */
export const MAX_PREDICTIONS_PER_LINE = 32;

/**
 * A line's `predictions` value as a list, or the problem with it phrased with its path
 * (`predictions[1].agent: …`). Agents are unique within the line. The answers' shape against
 * the project's questions is checked by the server, like imported annotations'.
 */
export function predictionsFrom(value: unknown): ImportedPrediction[] | string {
  if (!Array.isArray(value)) return '"predictions" must be an array';
  if (value.length > MAX_PREDICTIONS_PER_LINE)
    return `"predictions" holds ${value.length} predictions; at most ${MAX_PREDICTIONS_PER_LINE} are allowed`;
  const out: ImportedPrediction[] = [];
  const agents = new Set<string>();
  for (let k = 0; k < value.length; k++) {
    const path = `predictions[${k}]`;
    const p = predictionFrom(value[k], path);
    if (typeof p === 'string') return p;
    if (agents.has(p.agent)) return `${path}.agent: ${quote(p.agent)} appears twice on this line`;
    agents.add(p.agent);
    out.push(p);
  }
  return out;
}

function predictionFrom(value: unknown, path: string): ImportedPrediction | string {
  if (!isObject(value)) return `${path} must be an object`;
  for (const key in value) {
    if (key !== 'agent' && key !== 'score' && key !== 'answers') {
      return `${path} has unknown key ${quote(key)} (expected agent, score, answers)`;
    }
  }
  const { agent, score, answers } = value;
  if (typeof agent !== 'string') return `${path}.agent must be a string`;
  const problem = nameProblem(agent.trim());
  if (problem) return `${path}.agent ${problem}`;
  if (score !== undefined && score !== null && (typeof score !== 'number' || !Number.isFinite(score))) {
    return `${path}.score must be a number`;
  }
  if (!isObject(answers)) return `${path}.answers must be an object`;
  return { agent: agent.trim(), score: typeof score === 'number' ? score : null, answers };
}
