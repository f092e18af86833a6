import { agreedTransformer, roundConfidence } from './agreed.ts';
import { pairwiseOf, rankingOf } from './answer-shapes.ts';
import { consensusPairs, pairConfidence } from './consensus-pairs.ts';
import {
  type ExportInterface,
  type ItemView,
  type QuestionOf,
  questionsOf,
  trainingTransformer,
} from './item-view.ts';
import { type Pair, pairwisePair, rankingPairs } from './pairs.ts';
import type { ItemTransformer, TransformOptions } from './record.ts';

export type PreferenceFormat = 'preference' | 'preference-chat' | 'openai-preference';

/**
 * Preference pairs (docs/exports.md): one per pairwise answer that prefers a candidate (a tie
 * gives none, margin = strength), and from each ranking every ordered pair across tiers, or
 * neighbouring tiers only (`pairs`), margin = the tiers' distance; ties are never paired. Chosen
 * and rejected are candidates of one item's `responses` field, so they share its prompt.
 *
 *   preference         {"prompt": str, "chosen": str, "rejected": str, "margin", "item_id",
 *                       "chosen_id", "rejected_id", "annotator"} (TRL's standard shape)
 *   preference-chat    the same with prompt a list of messages and chosen and rejected each
 *                      [{"role":"assistant","content":…}] (TRL's conversational shape)
 *   openai-preference  {"input":{"messages":[…]},"preferred_output":[…],"non_preferred_output":[…]},
 *                      nothing else (OpenAI's DPO fine-tuning file)
 *
 * With `consensus`, one set of pairs per item and question from its agreed answer (agreed.ts):
 * the consensus order's pairs (consensus-pairs.ts), or an adjudicated or gold answer's as an
 * annotator's; `annotator` is null and `consensus_method`, `consensus_confidence` and
 * `consensus_annotators` follow it (not in openai-preference, whose line has nothing else).
 */
export function preferenceTransformer(
  format: PreferenceFormat,
  iface: ExportInterface,
  options: TransformOptions,
): ItemTransformer {
  const questions = questionsOf(iface, 'pairwise', 'ranking');
  const promptAs = format === 'preference' ? 'text' : 'messages';
  const { consensus } = options;
  if (consensus !== undefined)
    return agreedTransformer(iface, consensus, (view, agreedOf, emit) => {
      for (const question of questions) {
        const agreed = agreedOf(question);
        if (agreed === undefined) continue;
        const candidates = view.candidates(question.field);
        const voted = agreed.by !== 'adjudicated' && agreed.by !== 'gold';
        const pairs = voted
          ? consensusPairs(question, agreed.answer, candidates, options.pairs)
          : pairsOf(question, agreed.answer, candidates, options.pairs);
        const prompt = pairs.length > 0 ? view.promptJson(question, promptAs) : undefined;
        if (prompt === undefined) continue;
        const head = `"annotator":null,"consensus_method":"${agreed.by}","consensus_confidence":`;
        const annotators = `,"consensus_annotators":${agreed.annotators}`;
        for (const pair of pairs) {
          const confidence = roundConfidence(voted ? pairConfidence(agreed.answer, pair) : 1);
          emit(line(format, { view, question, prompt, pair, tail: `${head}${confidence}${annotators}` }));
        }
      }
    });
  return trainingTransformer(iface, (view, annotation, emit) => {
    let tail: string | undefined;
    for (const question of questions) {
      const answer = annotation.answers[question.name];
      if (answer === undefined || answer === null) continue;
      const pairs = pairsOf(question, answer, view.candidates(question.field), options.pairs);
      if (pairs.length === 0) continue;
      const prompt = view.promptJson(question, promptAs);
      if (prompt === undefined) continue;
      tail ??= `"annotator":${JSON.stringify(annotation.annotator)}`;
      for (const pair of pairs) emit(line(format, { view, question, prompt, pair, tail }));
    }
  });
}

type PairQuestion = QuestionOf<'pairwise' | 'ranking'>;

function pairsOf(
  question: PairQuestion,
  answer: unknown,
  candidates: ReadonlyMap<string, unknown>,
  mode: 'all' | 'adjacent',
): Pair[] {
  if (question.type === 'pairwise') {
    const pairwise = pairwiseOf(answer);
    const pair = pairwise && pairwisePair(pairwise, [...candidates.keys()]);
    return pair ? [pair] : [];
  }
  const order = rankingOf(answer);
  return order ? rankingPairs(order, mode, (id) => candidates.has(id)) : [];
}

interface LineParts {
  view: ItemView;
  question: PairQuestion;
  /** The prompt as JSON: a string, or a list of messages. */
  prompt: string;
  pair: Pair;
  /** The line's last keys: whose preference it is. */
  tail: string;
}

const assistant = (contentJson: string) => `[{"role":"assistant","content":${contentJson}}]`;

function line(format: PreferenceFormat, { view, question, prompt, pair, tail }: LineParts): string {
  const candidates = view.candidates(question.field);
  const chosen = candidates.get(pair.chosen)!.contentJson;
  const rejected = candidates.get(pair.rejected)!.contentJson;
  if (format === 'openai-preference')
    return `{"input":{"messages":${prompt}},"preferred_output":${assistant(chosen)},"non_preferred_output":${assistant(rejected)}}\n`;
  const pairJson =
    format === 'preference'
      ? `"chosen":${chosen},"rejected":${rejected}`
      : `"chosen":${assistant(chosen)},"rejected":${assistant(rejected)}`;
  return (
    `{"prompt":${prompt},${pairJson},"margin":${pair.margin},"item_id":${view.item.id},` +
    `"chosen_id":${JSON.stringify(pair.chosen)},"rejected_id":${JSON.stringify(pair.rejected)},${tail}}\n`
  );
}
