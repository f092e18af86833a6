/**
 * The project interface model: the fields an item shows, the typed questions it asks, and
 * validation of item data and answers against it. Pure: no I/O, imported by server, CLI and web.
 * Span offsets are Unicode code points (see offsets.ts).
 */
export {
  answerSchema,
  askedQuestions,
  type JsonSchema,
  JUDGE_ANSWER_TYPES,
  MODEL_ANSWER_TYPES,
  modelAnswerable,
  orderedIds,
  questionSchema,
} from './answer-schema.ts';
export { type Answers, validateAnswers, validateSuggestedAnswers } from './answers.ts';
export { awaitingFields } from './awaiting.ts';
export { withoutHiddenModels } from './blind.ts';
export {
  type AffectedTest,
  type BreakingChange,
  describeBreakingChange,
  diffInterfaces,
  type InterfaceDiff,
  type SafeChange,
} from './diff.ts';
export { type Checked, type FieldError, formatPath, fromZodIssues } from './field-error.ts';
export {
  CHAT_LIMITS,
  CHAT_ROLES,
  ChatField,
  type ChatRole,
  type ChatTurn,
  checkConversation,
} from './fields/chat.ts';
export type { FieldKind } from './fields/kind.ts';
export {
  AudioField,
  checkMediaValue,
  ImageField,
  MEDIA_FIELD_TYPES,
  VideoField,
} from './fields/media.ts';
export { FieldDefinition, fieldKindOf, fieldTypes } from './fields/registry.ts';
export {
  awaitsCandidates,
  type Candidate,
  type CandidateGeneration,
  candidatesOf,
  checkCandidates,
  RESPONSES_LIMITS,
  ResponsesField,
} from './fields/responses.ts';
export { TextField } from './fields/text.ts';
export {
  addSignals,
  answerFlags,
  answerText,
  INTEGRITY_THRESHOLDS,
  type IntegrityFlag,
  type IntegritySignals,
  integrityFlags,
  noSignals,
  SIGNAL_QUESTION_TYPES,
  sumSignals,
} from './integrity.ts';
export { InterfaceDefinition, InterfaceEdit } from './interface.ts';
export { validateItemData } from './item-data.ts';
export {
  isMediaQuestionType,
  MEDIA_QUESTION_TYPES,
  type MediaQuestionType,
  mediaQuestionFields,
} from './media-questions.ts';
export {
  INTERFACE_FORMAT,
  migrateInterface,
  parseInterface,
  storedInterface,
  upgradeInterface,
} from './migrate.ts';
export { type ModelAnswers, modelAnswersMessage, readModelAnswers } from './model-answers.ts';
export { boundedGuidelines, modelPrompt, PROMPT_GUIDELINES_MAX, type PromptMessage } from './model-prompt.ts';
export { Identifier } from './names.ts';
export {
  type CodePointOffset,
  codePointLength,
  codePointStarts,
  codePointToUtf16,
  graphemeBoundaries,
  isGraphemeBoundary,
  utf16ToCodePoint,
} from './offsets.ts';
export { promptFieldOf, promptMessages } from './prompt.ts';
export { ChoiceQuestion } from './questions/choice.ts';
export { FRAME_LIMITS, type FrameLabel, FramesQuestion } from './questions/frames.ts';
export type {
  AnswerCheck,
  AnswerContext,
  AnswerIssue,
  AnswerMediaFacts,
  FieldRef,
  QuestionKind,
} from './questions/kind.ts';
export { LiveQuestion } from './questions/live.ts';
export {
  LIVE_LIMITS,
  type LiveAnswer,
  type LiveMark,
  type LiveMessage,
  livePrefix,
  messagesForModel,
  modelTurns,
  nextRole,
} from './questions/live-conversation.ts';
export { MultiChoiceQuestion } from './questions/multi-choice.ts';
export { NumberQuestion } from './questions/number.ts';
export {
  DEFAULT_PAIRWISE_LABELS,
  maxStrength,
  type PairwiseAnswer,
  PairwiseQuestion,
  type Preference,
  pairwiseLabels,
} from './questions/pairwise.ts';
export { type RankingAnswer, RankingQuestion } from './questions/ranking.ts';
export { RatingQuestion } from './questions/rating.ts';
export { QuestionDefinition, questionKindOf, questionTypes } from './questions/registry.ts';
export { type RewriteAnswer, RewriteQuestion } from './questions/rewrite.ts';
export { type RubricAnswer, type RubricGrade, RubricQuestion } from './questions/rubric.ts';
export {
  type CriterionScale,
  type CriterionScore,
  normalisedScore,
  type RubricCriterion,
  rubricTotal,
} from './questions/rubric-total.ts';
export { SegmentsQuestion } from './questions/segments.ts';
export {
  checkSegments,
  compareSegments,
  SEGMENT_LIMITS,
  type SegmentAnswer,
  SPEAKER_NAME,
} from './questions/segments-check.ts';
export { SpansQuestion } from './questions/spans.ts';
export { compareSpans, type SpanAnswer } from './questions/spans-check.ts';
export {
  STEP_VERDICTS,
  type StepMark,
  type StepsAnswer,
  StepsQuestion,
  type StepVerdict,
} from './questions/steps.ts';
export { type StepSplit, splitSteps, stepsOf } from './questions/steps-split.ts';
export { TextQuestion } from './questions/text.ts';
export { boxAt, type FrameBox, trackBoxes } from './questions/track-boxes.ts';
export { TRACK_LIMITS, TracksQuestion } from './questions/tracks.ts';
export type { Box, Keyframe, TrackAnswer } from './questions/tracks-check.ts';
export { assistantTurns, type TurnMark, TurnsQuestion } from './questions/turns.ts';
export { shownOrder, shownOrders, shownSeed } from './shuffle.ts';
