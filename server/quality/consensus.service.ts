import { candidatesOf, type InterfaceDefinition } from '../../core/interface/index.ts';
import {
  type ConsensusAnswer,
  type ConsensusMethod,
  type ConsensusVote,
  questionConsensus,
} from '../../core/quality/consensus/index.ts';
import type { Db } from '../db/transaction.ts';
import { answeredItemData, submittedAnswers } from './consensus.repository.ts';

/** Per item id, per question name (in the interface's order), the consensus answer. */
export type ProjectConsensus = Map<number, Record<string, ConsensusAnswer>>;

/** Question kinds over candidates: their consensus needs each item's candidate ids. */
const OVER_CANDIDATES = new Set(['pairwise', 'ranking']);

/** What the consensus is made from besides the people's answers. */
export interface ConsensusInputs {
  /** Model judges' answers count too (the project's `judgeInConsensus`). */
  judges?: boolean;
  /** Known answers by item id (the project's gold items), held fixed by the methods. */
  gold?: ReadonlyMap<number, Record<string, unknown>>;
}

/**
 * The consensus of every question of a project (docs/quality.md), from all its people's
 * submitted annotations (and its model judges' with `judges`): one read of them, then each
 * question's method over all its answers (Dawid–Skene needs every answer before the first item's
 * result), with the gold answers held fixed.
 */
export async function projectConsensus(
  db: Db,
  projectId: number,
  iface: Pick<InterfaceDefinition, 'questions'>,
  method: ConsensusMethod,
  { judges = false, gold }: ConsensusInputs = {},
): Promise<ProjectConsensus> {
  const rows = await submittedAnswers(db, projectId, { models: judges });
  const votes = new Map<string, ConsensusVote[]>(iface.questions.map((q) => [q.name, []]));
  for (const row of rows) {
    const answers = JSON.parse(row.answers) as Record<string, unknown>;
    for (const [name, answer] of Object.entries(answers)) {
      if (answer === null || answer === undefined) continue;
      votes.get(name)?.push({ item: String(row.itemId), annotator: String(row.userId), answer });
    }
  }
  let data: Map<string, Record<string, unknown>> | undefined;
  if (iface.questions.some((q) => OVER_CANDIDATES.has(q.type))) {
    const items = await answeredItemData(db, projectId);
    data = new Map(items.map((i) => [String(i.id), JSON.parse(i.data) as Record<string, unknown>]));
  }
  const out: ProjectConsensus = new Map();
  for (const question of iface.questions) {
    const field = 'field' in question && typeof question.field === 'string' ? question.field : undefined;
    const candidates = (item: string) => {
      const itemData = data?.get(item);
      return itemData && field ? candidatesOf(itemData, field).map((c) => c.id) : undefined;
    };
    const known = new Map<string, unknown>();
    for (const [item, answers] of gold ?? []) {
      const answer = answers[question.name];
      if (answer !== undefined && answer !== null) known.set(String(item), answer);
    }
    const result = questionConsensus(question, method, votes.get(question.name) ?? [], {
      candidates,
      ...(known.size > 0 ? { gold: known } : {}),
    });
    for (const [item, answer] of result) {
      const id = Number(item);
      const forItem = out.get(id) ?? {};
      forItem[question.name] = answer;
      out.set(id, forItem);
    }
  }
  return out;
}
