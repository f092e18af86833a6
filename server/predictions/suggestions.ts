import type { z } from 'zod';
import type { Suggestion } from '../../core/api/assignments.ts';
import {
  type AnswerContext,
  type InterfaceDefinition,
  validateSuggestedAnswers,
} from '../../core/interface/index.ts';
import { pickSuggestion, revealsAgents, type SuggestionsSetting } from '../../core/suggestions.ts';
import type { ProjectAccess } from '../access.ts';
import type { Db } from '../db/transaction.ts';
import { answerMediaFacts } from '../media/answer-facts.ts';
import { type ProjectRow, suggestionsOf } from '../projects/projects.repository.ts';
import { predictionsOfItem } from './predictions.repository.ts';

/**
 * Which suggestion the work loop shows (docs/suggestions.md): the project's setting picks one of
 * the item's predictions, and the caller's access decides whether its agent and score go along.
 */
export interface SuggestionView {
  setting: SuggestionsSetting;
  /** Managers and reviewers see agent names and scores; annotators only if the project reveals models. */
  showAgent: boolean;
}

export function suggestionView(project: ProjectRow, iface: InterfaceDefinition, access: ProjectAccess) {
  return { setting: suggestionsOf(project), showAgent: access.viewAll || revealsAgents(iface) };
}

/**
 * The suggestion for an item as the caller may see it, or null. Answers the interface no longer
 * takes (a question or option removed since they were stored) are left out, so a suggestion never
 * fills in what cannot be submitted (over media: checked against the probed facts, when known).
 */
export async function suggestionFor(
  db: Db,
  item: { id: number; projectId: number; data: Record<string, unknown> },
  iface: InterfaceDefinition,
  view: SuggestionView,
): Promise<z.input<typeof Suggestion> | null> {
  if (view.setting.mode === 'off') return null;
  const picked = pickSuggestion(await predictionsOfItem(db, item.id), view.setting);
  if (!picked) return null;
  const media = await answerMediaFacts(db, { projectId: item.projectId, iface, data: item.data });
  const answers = stillValid(iface, JSON.parse(picked.answers) as Record<string, unknown>, item.data, media);
  return view.showAgent ? { agent: picked.agent, score: picked.score, answers } : { score: null, answers };
}

function stillValid(
  iface: InterfaceDefinition,
  answers: Record<string, unknown>,
  data: Record<string, unknown>,
  media: AnswerContext['media'],
): Record<string, unknown> {
  const checked = validateSuggestedAnswers(iface, answers, data, { media });
  if (checked.ok) return checked.value;
  const kept = Object.entries(answers).filter(
    ([question, value]) => validateSuggestedAnswers(iface, { [question]: value }, data, { media }).ok,
  );
  return Object.fromEntries(kept);
}

/** The agent whose suggestion the setting shows for an item, or null: what a save records. */
export async function suggestedAgent(
  db: Db,
  itemId: number,
  setting: SuggestionsSetting,
): Promise<string | null> {
  if (setting.mode === 'off') return null;
  return pickSuggestion(await predictionsOfItem(db, itemId), setting)?.agent ?? null;
}
