import type { Generated } from 'kysely';

/** Where an attempt stands (docs/assessments.md). */
export type AttemptStatus = 'in_progress' | 'pending' | 'passed' | 'failed';

/** One attempt of a tutor at a project's assessment (migration 0032). */
export interface AssessmentAttemptsTable {
  id: Generated<number>;
  projectId: number;
  userId: number;
  /** 1 for the tutor's first attempt at this assessment, 2 for the retake, … */
  attemptNo: number;
  status: AttemptStatus;
  /** The skill, level and pass mark of the setting when the attempt started. */
  skill: string;
  level: number;
  passMark: number;
  /** The mean of the per-question scores; null until every question is scored. */
  score: number | null;
  /** JSON text of the results per question with the answers (AttemptResults); null while in progress. */
  results: string | null;
  startedAt: number;
  /** When the tutor submitted the attempt's last question; null while in progress. */
  finishedAt: number | null;
  /** When the score became final (pass or fail); null before. */
  scoredAt: number | null;
}
