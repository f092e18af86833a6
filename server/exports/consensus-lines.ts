import type { ProjectConsensus } from '../quality/consensus.service.ts';
import type { ChunkWriter } from './format.ts';
import { type AnswersFiller, FilledLineWriter } from './unanswered.ts';

/** JSONL lines ending with the item's `"consensus": {"<question>": {answer, confidence}}` (`{}` for none). */
export class ConsensusLineWriter extends FilledLineWriter {
  constructor(
    out: ChunkWriter,
    fill: AnswersFiller,
    readonly consensus: ProjectConsensus,
  ) {
    super(out, fill);
  }

  protected override tail(itemId: number): string {
    return `,"consensus":${JSON.stringify(this.consensus.get(itemId) ?? {})}`;
  }
}
