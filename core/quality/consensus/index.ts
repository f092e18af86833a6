/**
 * Consensus per item and question (docs/quality.md): pure kernels (majority.ts,
 * weighted.ts, dawid-skene.ts, bradley-terry.ts) over answers as typed arrays (votes.ts), and the
 * mapping from a question kind to its method (consensus.ts).
 */
export { BRADLEY_TERRY_DEFAULTS, bradleyTerry, WinTable } from './bradley-terry.ts';
export {
  CONSENSUS_METHODS,
  type ConsensusAnswer,
  type ConsensusMethod,
  type ConsensusOptions,
  type ConsensusVote,
  questionConsensus,
} from './consensus.ts';
export { DAWID_SKENE_DEFAULTS, dawidSkene } from './dawid-skene.ts';
export { majorityVote } from './majority.ts';
export { type LabelConsensus, type Votes, VoteTable } from './votes.ts';
export { weightedVote, workerAccuracy } from './weighted.ts';
