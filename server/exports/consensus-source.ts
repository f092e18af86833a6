import type { ExportFormat } from '../../core/api/export-formats.ts';
import type { ExportConsensus } from '../../core/exports/index.ts';
import type { InterfaceDefinition } from '../../core/interface/index.ts';
import type { ConsensusMethod } from '../../core/quality/consensus/index.ts';
import type { Db } from '../db/transaction.ts';
import { projectConsensus } from '../quality/consensus.service.ts';

/**
 * The consensus a training format's lines are made from (docs/exports.md, "From the consensus"),
 * computed before the export streams. The preference formats need the pairwise and ranking
 * questions' Bradley–Terry consensus, made from every submitted answer of the project; sft's
 * kinds (rewrite, turns, live) have none, so it needs no first pass: its lines come from each
 * item's final, gold or unanimous answers, read with the item.
 */
export async function exportConsensus(
  db: Db,
  projectId: number,
  iface: Pick<InterfaceDefinition, 'questions'>,
  format: Exclude<ExportFormat, 'jsonl'>,
  method: ConsensusMethod,
  judges: boolean,
): Promise<ExportConsensus> {
  const questions = iface.questions.filter((q) => q.type === 'pairwise' || q.type === 'ranking');
  if (format === 'sft' || questions.length === 0) return { method, of: () => undefined };
  const agreed = await projectConsensus(db, projectId, { questions }, method, { judges });
  return { method, of: (itemId) => agreed.get(itemId) };
}
