import type { ItemInput } from '../../core/codecs/items.ts';
import {
  type AnswerContext,
  awaitingFields,
  type InterfaceDefinition,
  validateAnswers,
} from '../../core/interface/index.ts';

/**
 * Why an import line's gold answers cannot go in, phrased `gold.<question>…`, or null; on success
 * the item's gold is replaced by its normalised answers. Gold answers are checked exactly like a
 * submitted annotation's. A gold item carries no annotations (each annotator's answer to it is a
 * test) and cannot await its candidates (it is served as it is). `media`: the probed facts of its
 * media fields, when known.
 */
export function goldProblem(
  iface: InterfaceDefinition,
  item: ItemInput,
  media?: AnswerContext['media'],
): string | null {
  if (item.gold === null) return null;
  if (item.annotations.length > 0) return 'gold: a gold item carries no annotations';
  const awaiting = awaitingFields(iface, item.data);
  if (awaiting.length > 0)
    return `gold: the item awaits the candidates of ${awaiting.map((f) => `"${f}"`).join(', ')}; a gold item needs them`;
  const result = validateAnswers(iface, item.gold, item.data, { partial: false, media });
  if (!result.ok) return result.errors.map((e) => `gold.${e.message}`).join('; ');
  item.gold = result.value;
  return null;
}
