import { z } from 'zod';
import { Id, IsoTime } from './common.ts';
import { Item } from './items.ts';
import { AnnotatorKind } from './judges.ts';
import { ItemMedia } from './media.ts';
import { ReviewFeedback } from './review.ts';

export const AssignmentStatus = z.enum(['locked', 'submitted', 'skipped', 'expired']);
export const Assignment = z
  .object({
    id: z.number().int(),
    projectId: z.number().int(),
    itemId: z.number().int(),
    userId: z.number().int(),
    status: AssignmentStatus,
    lockExpiresAt: IsoTime.nullable(),
    skipReason: z.string().nullable(),
    createdAt: IsoTime,
  })
  .meta({ id: 'Assignment' });

export const AnnotationStatus = z.enum(['draft', 'submitted']);

/** Candidate ids per `responses` field, in the order shown (first = "A"). */
export const ShownOrders = z
  .record(z.string(), z.array(z.string()))
  .describe('per `responses` field, its candidate ids in the order shown to the annotator (first = "A")');

export const IntegritySignals = z
  .strictObject({
    pastedChars: z.int().min(0).max(10_000_000).describe('characters (code points) pasted into the answer'),
    typedChars: z.int().min(0).max(10_000_000).describe('characters (code points) typed into the answer'),
    typingMs: z
      .int()
      .min(0)
      .max(86_400_000)
      .describe('active typing time: gaps between keystrokes, gaps over 5 s left out'),
    focusChanges: z
      .int()
      .min(0)
      .max(100_000)
      .describe('times the window lost focus or was hidden while the answer had the focus'),
  })
  .meta({ id: 'IntegritySignals' });
export const IntegrityFlag = z.enum(['mostly_pasted', 'implausibly_fast']);
export const Annotation = z
  .object({
    id: z.number().int(),
    assignmentId: z.number().int().nullable(),
    itemId: z.number().int(),
    projectId: z.number().int(),
    userId: z.number().int(),
    annotator: z.string().describe('email, or the name of an external annotator'),
    annotatorKind: AnnotatorKind,
    status: AnnotationStatus,
    answers: z.record(z.string(), z.unknown()),
    pendingAnswers: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('unsubmitted edits of a submitted annotation'),
    leadTimeMs: z.number().int().describe('active time spent, summed over saves'),
    revision: z.number().int(),
    interfaceVersion: z
      .number()
      .int()
      .describe(
        "the project's interface version the answers were written under (1 for work from before versions)",
      ),
    createdAt: IsoTime,
    updatedAt: IsoTime,
    submittedAt: IsoTime.nullable(),
    editedAt: IsoTime.nullable().describe(
      'when its annotator last changed the submitted answers (resubmitted an edit); null if never',
    ),
    shown: ShownOrders.nullable().describe(
      'per `responses` field, the candidate ids in the order its annotator was shown them; null for imported annotations and those saved before it was recorded',
    ),
    signals: z
      .record(z.string(), IntegritySignals)
      .optional()
      .describe(
        "integrity signals of text and rewrite answers, summed over saves; only for callers who see everyone's work (managers, reviewers)",
      ),
    suggestedBy: z
      .string()
      .nullable()
      .optional()
      .describe(
        'the agent whose suggestion its annotator was shown (docs/suggestions.md); null if none; only for managers and reviewers',
      ),
    flags: z
      .record(z.string(), z.array(IntegrityFlag))
      .optional()
      .describe(
        'per question, the flags its signals raise (docs/data-model.md, "Integrity signals"); flagged questions only; only for managers and reviewers',
      ),
  })
  .meta({ id: 'Annotation' });
export type Annotation = z.infer<typeof Annotation>;

export const Revision = z
  .object({
    revision: z.number().int(),
    userId: z.number().int(),
    kind: z.enum(['draft', 'submit', 'edit', 'import']),
    answers: z.record(z.string(), z.unknown()),
    interfaceVersion: z.number().int().describe('the interface version these answers were written under'),
    createdAt: IsoTime,
    importedBy: z
      .object({
        userId: z.number().int(),
        label: z.string().describe("the importer's email (or name)"),
      })
      .nullable()
      .describe(
        'on import revisions, the account that imported it (`userId` is the annotator it names); null on other revisions and on imports made before importers were recorded',
      ),
  })
  .meta({ id: 'Revision' });

/** The answers an annotator is offered for an item (docs/suggestions.md). */
export const Suggestion = z
  .object({
    agent: z
      .string()
      .optional()
      .describe('who suggested it; only for managers and reviewers, or when the project reveals models'),
    score: z.number().nullable().describe("the agent's score; null when not given or not shown"),
    answers: z.record(z.string(), z.unknown()).describe('suggested answers by question: some or all of them'),
  })
  .meta({ id: 'Suggestion' });

export const Work = z
  .object({
    item: Item,
    assignment: Assignment,
    annotation: Annotation.nullable(),
    shown: ShownOrders,
    suggestion: Suggestion.nullable().describe(
      "the suggestion the project's setting picks for this item; null when none (docs/suggestions.md)",
    ),
    review: ReviewFeedback.nullable()
      .optional()
      .describe('the review of its annotation and the feedback, once it entered review (docs/quality.md)'),
  })
  .meta({ id: 'Work' });

export const AssignmentParams = z.object({ assignmentId: Id });
const ActiveMs = z
  .number()
  .int()
  .min(0)
  .max(86_400_000)
  .default(0)
  .describe('active milliseconds since the previous save; summed into leadTimeMs');
const AnswersBody = z.record(z.string(), z.unknown());
const SignalsBody = z
  .record(z.string().max(64), IntegritySignals)
  .refine((s) => Object.keys(s).length <= 200, 'at most 200 questions')
  .optional()
  .describe(
    'integrity signals measured since the previous save, per text or rewrite question; summed into the annotation',
  );

export const DraftBody = z.object({ answers: AnswersBody, activeMs: ActiveMs, signals: SignalsBody });
export const DraftResult = z.object({ assignment: Assignment, annotation: Annotation });
export const SubmitBody = z.object({
  answers: AnswersBody,
  activeMs: ActiveMs,
  signals: SignalsBody,
  idempotencyKey: z
    .string()
    .min(8)
    .max(128)
    .describe('client-chosen; a replay writes nothing and returns the annotation as it stands now'),
});
export const SubmitResult = z
  .object({ created: z.boolean().describe('false when this was a replay'), annotation: Annotation })
  .meta({ id: 'SubmitResult' });
export const SkipBody = z.object({ reason: z.string().max(2000).optional() });
export const MyWorkQuery = z.object({
  status: z.enum(['submitted', 'locked', 'skipped']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const MyProgressQuery = z.object({
  before: Id.optional().describe(
    'an assignment of the caller: `previousAssignmentId` is then the latest before it, in claim order',
  ),
});
export const MyProgress = z
  .object({
    done: z.number().int().describe("the caller's submitted items in the project"),
    left: z
      .number()
      .int()
      .describe(
        'items the caller could still be given: open items (a slot free) they never submitted, skipped or hold, plus the one they hold',
      ),
    previousAssignmentId: z
      .number()
      .int()
      .nullable()
      .describe(
        "the caller's latest submitted or skipped assignment in the project (claim order); null if none",
      ),
  })
  .meta({ id: 'MyProgress' });
/** An assignment as the item page lists it: with the name of the person it belongs to. */
export const ItemAssignment = Assignment.extend({
  annotator: z.string().describe('email, or the name of an external annotator'),
}).meta({ id: 'ItemAssignment' });
/** A stored prediction: an agent's suggested answers for an item (docs/suggestions.md). */
export const Prediction = z
  .object({
    agent: z.string(),
    score: z.number().nullable(),
    answers: z.record(z.string(), z.unknown()),
    source: z.enum(['import', 'model']),
    createdAt: IsoTime,
  })
  .meta({ id: 'Prediction' });

export const ItemDetail = z
  .object({
    item: Item,
    annotations: z.array(Annotation),
    assignments: z.array(ItemAssignment),
    predictions: z
      .array(Prediction)
      .optional()
      .describe("the item's predictions by agent; only for managers and reviewers"),
    gold: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("a gold item's answers (docs/quality.md); only for managers and reviewers"),
    target: z
      .number()
      .int()
      .nullable()
      .optional()
      .describe(
        "the item's own target under adaptive overlap (docs/quality.md), null: the project's overlap; only for managers and reviewers",
      ),
    disagreement: z
      .number()
      .nullable()
      .optional()
      .describe("the item's disagreement score (docs/quality.md); only for managers and reviewers"),
    media: z
      .record(z.string(), ItemMedia)
      .optional()
      .describe(
        'per media field (audio, video, image): where it is served from and its facts (docs/media.md)',
      ),
  })
  .meta({ id: 'ItemDetail' });
export const ItemHistoryParams = z.object({ annotationId: Id });
export const Health = z.object({
  status: z.literal('ok'),
  store: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});
