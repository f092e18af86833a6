import type { Generated } from 'kysely';
import type { AssessmentAttemptsTable } from './schema-assessments.ts';
import type { MediaTable } from './schema-media.ts';
import type { InviteLinksTable } from './schema-onboarding.ts';
import type {
  AdjudicationsTable,
  GoldItemsTable,
  GoldPausesTable,
  GoldScoresTable,
  ReviewEventsTable,
  ReviewSamplesTable,
  ReviewsTable,
} from './schema-quality.ts';
import type { SsoIdentitiesTable } from './schema-sso.ts';
import type { AuditLogTable, SkillProfilesTable, SkillsTable, UserSkillsTable } from './schema-workforce.ts';

/**
 * Table shapes as Kysely sees them (camelCase; the CamelCasePlugin maps to snake_case SQL).
 * Times are epoch milliseconds; JSON columns hold serialised text on both stores so exports
 * can splice them without a parse. Flags are 0/1 integers on both stores.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  projects: ProjectsTable;
  projectMembers: ProjectMembersTable;
  items: ItemsTable;
  assignments: AssignmentsTable;
  annotations: AnnotationsTable;
  annotationRevisions: AnnotationRevisionsTable;
  settings: SettingsTable;
  claimEpochs: ClaimEpochsTable;
  claimCursors: ClaimCursorsTable;
  signInThrottle: SignInThrottleTable;
  projectInvitations: ProjectInvitationsTable;
  passwordResets: PasswordResetsTable;
  interfaceVersions: InterfaceVersionsTable;
  setupTokens: SetupTokensTable;
  modelConnections: ModelConnectionsTable;
  jobs: JobsTable;
  jobSteps: JobStepsTable;
  predictions: PredictionsTable;
  generatedItems: GeneratedItemsTable;
  reviews: ReviewsTable;
  reviewEvents: ReviewEventsTable;
  reviewSamples: ReviewSamplesTable;
  goldItems: GoldItemsTable;
  goldScores: GoldScoresTable;
  goldPauses: GoldPausesTable;
  adjudications: AdjudicationsTable;
  ssoIdentities: SsoIdentitiesTable;
  skills: SkillsTable;
  userSkills: UserSkillsTable;
  auditLog: AuditLogTable;
  inviteLinks: InviteLinksTable;
  assessmentAttempts: AssessmentAttemptsTable;
  skillProfiles: SkillProfilesTable;
  media: MediaTable;
}

/** Every version of a project's interface (migration 0010); the projects row holds the current one. */
export interface InterfaceVersionsTable {
  projectId: number;
  version: number;
  /** The stored interface text (core/interface/migrate.ts: `format`, fields, questions). */
  interface: string;
  createdBy: number;
  createdAt: number;
}

/** A project's cursor epoch: cursors of an older one are void (server/assignments/claim-cursors.repository.ts). */
export interface ClaimEpochsTable {
  projectId: number;
  epoch: number;
}

/** Where an annotator's claim search starts: just past (sortKey, itemId) in the project's order. */
export interface ClaimCursorsTable {
  projectId: number;
  userId: number;
  epoch: number;
  sortKey: number;
  itemId: number;
}

export interface UsersTable {
  id: Generated<number>;
  email: string | null;
  name: string;
  role: 'admin' | 'manager' | 'reviewer' | 'annotator';
  status: 'active' | 'suspended';
  passwordHash: string | null;
  external: number;
  createdAt: number;
  /** Set on the account a model judge answers as (migration 0015); null for people. */
  modelConnectionId: Generated<number | null>;
  /** The contract window (migration 0028, docs/users.md): access from start (inclusive) to end (exclusive); null: open. */
  contractStart: Generated<number | null>;
  contractEnd: Generated<number | null>;
  /** When an admin offboarded the user (migration 0028); null: not offboarded. */
  offboardedAt: Generated<number | null>;
}

export interface SessionsTable {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ProjectsTable {
  id: Generated<number>;
  name: string;
  interface: string;
  /** The current interface version (migration 0010): 1 at creation, +1 per change. */
  interfaceVersion: number;
  guidelines: string;
  overlap: number;
  lockTtlSeconds: number;
  itemOrder: 'sequential' | 'random';
  allowEditSubmitted: number;
  /** The model connection live questions talk to (migration 0016); null: none. */
  liveConnectionId: Generated<number | null>;
  /** Which suggestion annotators are shown (migration 0017, docs/suggestions.md). */
  suggestionsMode: Generated<'off' | 'agent' | 'best'>;
  /** The agent shown when the mode is 'agent'. */
  suggestionsAgent: Generated<string | null>;
  /** Which submissions enter review (migration 0021, docs/quality.md). */
  reviewMode: Generated<'none' | 'sample' | 'all'>;
  /** The share sampled in mode 'sample', 1..100; null otherwise. */
  reviewPercent: Generated<number | null>;
  /** The gold settings as JSON text (migration 0020, docs/quality.md); null: the defaults. */
  gold: Generated<string | null>;
  /** The adjudication setting as JSON text (migration 0026, docs/quality.md); null: off. */
  adjudication: Generated<string | null>;
  /** The adaptive overlap setting as JSON text (migration 0023, docs/quality.md); null: off. */
  adaptiveOverlap: Generated<string | null>;
  /** 1: model judges count in the consensus (migration 0025, docs/quality.md); 0 (default): people only. */
  judgeInConsensus: Generated<number>;
  /** The pay rate as JSON text (migration 0029, docs/worklog.md); null: none. */
  pay: Generated<string | null>;
  /** The assessment setting as JSON text (migration 0032, docs/assessments.md); null: none. */
  assessment: Generated<string | null>;
  /** The skills every item asks for, as canonical JSON text (migration 0031, docs/skills.md); null: none. */
  requiredSkills: Generated<string | null>;
  /** 1 once an item of the project carries skills of its own (migration 0031). */
  itemSkills: Generated<number>;
  createdBy: number;
  createdAt: number;
  updatedAt: number;
}

export interface ProjectMembersTable {
  projectId: number;
  userId: number;
  role: 'admin' | 'manager' | 'reviewer' | 'annotator';
  addedAt: number;
}

/** An email invited to a project; a membership once an account with that email signs in or is created. */
export interface ProjectInvitationsTable {
  id: Generated<number>;
  projectId: number;
  /** Lowercased, as typed by the inviting manager. */
  email: string;
  role: 'admin' | 'manager' | 'reviewer' | 'annotator';
  invitedBy: number;
  createdAt: number;
}

export interface ItemsTable {
  id: Generated<number>;
  projectId: number;
  externalId: string | null;
  data: string;
  meta: string;
  priority: number;
  /** Random sort key, 1..2^31−1, in projects with itemOrder 'random'; NO_RANDOM_KEY in sequential ones (kept out of the index). */
  rand: number;
  /** overlap − (live locks + submissions): the claim path reads only items with slots left. */
  slotsLeft: number;
  submittedCount: number;
  createdAt: number;
  /** 1 while a `responses` field awaits its candidates (migration 0019): never claimed, slotsLeft 0. */
  awaiting: Generated<number>;
  /** The item's disagreement score over its human annotations (migration 0022); null below two. */
  disagreement: Generated<number | null>;
  /** The item's own overlap once adaptive overlap grew it (migration 0023); null: the project's. */
  target: Generated<number | null>;
  /** The item's own skill requirements (migration 0031, docs/skills.md); null: none beyond the project's. */
  skillProfileId: Generated<number | null>;
}

export type AssignmentStatusDb = 'locked' | 'submitted' | 'skipped' | 'expired';
export interface AssignmentsTable {
  id: Generated<number>;
  projectId: number;
  itemId: number;
  userId: number;
  status: AssignmentStatusDb;
  lockExpiresAt: number | null;
  skipReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface AnnotationsTable {
  id: Generated<number>;
  assignmentId: number;
  itemId: number;
  projectId: number;
  userId: number;
  status: 'draft' | 'submitted';
  answers: string;
  pendingAnswers: string | null;
  leadTimeMs: number;
  revision: number;
  /** The interface version its answers were last written under (migration 0010; default 1). */
  interfaceVersion: Generated<number>;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  /** The latest edit of the submitted answers (an `edit` revision); null if never edited. */
  editedAt: number | null;
  /** The candidates' order as shown, `{field: [ids]}` (migration 0013); null when imported or older. */
  shown: Generated<string | null>;
  /** Integrity signals summed over saves, `{question: {pastedChars, …}}` (migration 0013); null if none. */
  signals: Generated<string | null>;
  /** The flags the signals raise against the latest answers, `{question: [flag]}`; null when none. */
  flags: Generated<string | null>;
  /** The agent whose suggestion the annotator was shown (migration 0015); null when none. */
  suggestedBy: Generated<string | null>;
}

export interface AnnotationRevisionsTable {
  id: Generated<number>;
  annotationId: number;
  revision: number;
  userId: number;
  kind: 'draft' | 'submit' | 'edit' | 'import';
  answers: string;
  idempotencyKey: string | null;
  createdAt: number;
  /** The account that imported it, on `import` revisions (migration 0006; null before it). */
  importedBy: number | null;
  /** The interface version the answers were written under (migration 0010; default 1). */
  interfaceVersion: Generated<number>;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** A sign-in throttle key's state (server/auth/throttle.ts); `key` is a keyed hash. */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  updatedAt: number;
  nextAttemptAt: number;
  expiresAt: number;
}

/** A one-time password-reset link: only its keyed hash is kept (server/auth/password-reset.service.ts). */
export interface PasswordResetsTable {
  id: Generated<number>;
  userId: number;
  tokenHash: string;
  createdBy: number | null;
  createdAt: number;
  expiresAt: number;
}

/** A one-time setup link (migration 0014, server/setup/): its keyed hash, and how it ended. */
export interface SetupTokensTable {
  tokenHash: string;
  createdAt: number;
  expiresAt: number;
  /** When the first admin was made with it. */
  usedAt: number | null;
  /** When a newer link (a later start) replaced it. */
  replacedAt: number | null;
}

/** An OpenAI-compatible endpoint (migration 0015, server/models/); the key only sealed. */
export interface ModelConnectionsTable {
  id: Generated<number>;
  name: string;
  baseUrl: string;
  model: string;
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM under a key derived from the server secret. */
  apiKeySealed: string | null;
  /** Default request parameters, JSON text (`{"temperature": 0.7, "max_tokens": 1024}`). */
  params: Generated<string>;
  concurrency: Generated<number>;
  requestsPerMinute: number | null;
  timeoutMs: Generated<number>;
  /** 1: the admin allowed an endpoint on a private or loopback address. */
  allowPrivateNetwork: Generated<number>;
  createdBy: number;
  createdAt: number;
  updatedAt: number;
}

export type JobStatusDb = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
/** A background job (migration 0015, server/jobs/): its steps are rows of job_steps. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  projectId: number | null;
  status: JobStatusDb;
  /** The kind's parameters, JSON text. */
  params: Generated<string>;
  /** The limit its steps share (`model:<connection id>`); null: none. */
  lane: string | null;
  totalSteps: Generated<number>;
  doneSteps: Generated<number>;
  failedSteps: Generated<number>;
  error: string | null;
  createdBy: number | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export type JobStepStatusDb = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
export interface JobStepsTable {
  id: Generated<number>;
  jobId: number;
  /** The step's unit of work, unique within its job (`item:17:slot:2`). */
  key: string;
  status: JobStepStatusDb;
  lane: string | null;
  attempts: Generated<number>;
  /** Not taken before this time (back-off, Retry-After). */
  runAfter: Generated<number>;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  /** Why its last attempt failed, in words that name no secret. */
  error: string | null;
  /** What the step produced, JSON text (token counts, latency…); null until done. */
  result: string | null;
  updatedAt: number;
}

/** In a generation job of mode `new`, the item made from a source item (migration 0019). */
export interface GeneratedItemsTable {
  jobId: number;
  sourceItemId: number;
  itemId: number;
}

/** A suggested answer set for an item (migration 0015): imported, or from a model. */
export interface PredictionsTable {
  id: Generated<number>;
  projectId: number;
  itemId: number;
  agent: string;
  score: number | null;
  /** `{question: answer}`, JSON text, valid against the interface when stored. */
  answers: string;
  source: 'import' | 'model';
  createdAt: number;
}

/**
 * `items.rand` of an item in a sequential project: it has no random key, and the random-order
 * index leaves it out (migration 0003). Keys drawn for random order are 1..2^31−1.
 */
export const NO_RANDOM_KEY = 0;

export type * from './schema-quality.ts';
