import { z } from 'zod';
import { DisplayLabel } from '../names.ts';

/** A problem with one answer; `at` is appended to the question name, e.g. "[1].end". */
export interface AnswerIssue {
  at?: string;
  message: string;
}

export type AnswerCheck = { ok: true; value: unknown } | { ok: false; issues: AnswerIssue[] };

export interface AnswerContext {
  /** The item's data, already checked with validateItemData. */
  data: Record<string, unknown>;
  /** True for drafts: completeness rules (required, minimum selections) are not enforced yet. */
  partial: boolean;
  /**
   * The probed facts of the item's media fields, by field name, when the caller has them (the
   * server does on submit): answers over a recording or a video are then also checked against its
   * length, frame count and picture size. Without them those checks wait for the server.
   */
  media?: Readonly<Record<string, AnswerMediaFacts>>;
}

/** What answer checks need to know of a media field (docs/media.md). */
export interface AnswerMediaFacts {
  durationSeconds: number | null;
  /** Exact rational, e.g. "30000/1001". */
  frameRate: string | null;
  width: number | null;
  height: number | null;
}

/** A question that names a field of the item, checked when the interface is parsed. */
export interface FieldRef {
  /** Property of the question holding the field name, for the error path. */
  key: string;
  name: string;
  /** Field types this question can work on. */
  types: readonly string[];
}

/**
 * One question type. Adding a type is one file exporting a QuestionKind plus one entry in
 * registry.ts; the interface schema and answer validation pick it up from there.
 */
export interface QuestionKind<S extends z.ZodObject = z.ZodObject> {
  readonly type: z.output<S>['type'];
  /** Strict schema of the question definition, with a literal `type`. */
  readonly config: S;
  /** Checks a given (non-null) answer and returns its normalised form. */
  validate(answer: unknown, question: z.output<S>, ctx: AnswerContext): AnswerCheck;
  /** Whether a given answer still counts as unanswered for `required` (e.g. blank text). */
  isBlank?(answer: unknown): boolean;
  fieldRefs?(question: z.output<S>): FieldRef[];
  /**
   * What this question needs of an item beyond its fields' own checks (a pairwise question needs
   * exactly two candidates), as a problem with one field; checked on import with the fields.
   */
  checkItem?(
    question: z.output<S>,
    data: Record<string, unknown>,
  ): { field: string; message: string } | undefined;
}

/** Properties every question has; spread into each kind's schema after `name` and `type`. */
export const questionCommon = {
  label: DisplayLabel.optional(),
  description: z.string().max(5000).optional(),
  required: z.boolean().default(false),
};

export const accept = (value: unknown): AnswerCheck => ({ ok: true, value });
export const reject = (message: string, at?: string): AnswerCheck => ({
  ok: false,
  issues: [at === undefined ? { message } : { at, message }],
});
