import { isRecord, readJson, type StorageLike, writeJson } from './storage.ts';

/**
 * The latest answers per assignment, written through to localStorage on every change so a reload,
 * a crash or a lost connection loses nothing. `synced` says whether the server has acknowledged
 * these answers; `baseUpdatedAt` is the server's `updatedAt` they were edited from.
 */
export interface LocalDraft {
  v: 1;
  assignmentId: number;
  answers: Record<string, unknown>;
  /** When the answers were last changed here (ms since epoch). */
  editedAt: number;
  baseUpdatedAt: string | null;
  synced: boolean;
}

const isDraft = (v: unknown): v is LocalDraft =>
  isRecord(v) &&
  v.v === 1 &&
  typeof v.assignmentId === 'number' &&
  isRecord(v.answers) &&
  typeof v.editedAt === 'number';

export function createDraftStore(storage: StorageLike, scope: string) {
  const key = (assignmentId: number) => `verity.draft.${scope}.${assignmentId}`;
  return {
    read: (assignmentId: number): LocalDraft | undefined => readJson(storage, key(assignmentId), isDraft),
    /** Records an unsynced change; false if the browser refused to store it. */
    write(
      assignmentId: number,
      answers: Record<string, unknown>,
      baseUpdatedAt: string | null,
      now: number,
    ): boolean {
      return writeJson(storage, key(assignmentId), {
        v: 1,
        assignmentId,
        answers,
        editedAt: now,
        baseUpdatedAt,
        synced: false,
      } satisfies LocalDraft);
    },
    /** The server stored `answers` (still the latest here, or a newer change would be lost). */
    markSynced(assignmentId: number, answers: Record<string, unknown>, serverUpdatedAt: string): void {
      const d = readJson(storage, key(assignmentId), isDraft);
      if (!d || JSON.stringify(d.answers) !== JSON.stringify(answers)) return;
      writeJson(storage, key(assignmentId), { ...d, synced: true, baseUpdatedAt: serverUpdatedAt });
    },
    remove: (assignmentId: number) => storage.removeItem(key(assignmentId)),
  };
}
export type DraftStore = ReturnType<typeof createDraftStore>;

/** What the server holds for an assignment: its answers (or pending edits) and when they changed. */
export interface ServerAnswers {
  answers: Record<string, unknown>;
  updatedAt: string | null;
}

/**
 * Which answers to open an assignment with. Local answers win when the server has not seen them
 * and has not changed since they were edited from it; if both changed (another tab or device),
 * the later edit wins. Otherwise the server's answers are the truth.
 */
export function chooseAnswers(
  local: LocalDraft | undefined,
  server: ServerAnswers,
): { answers: Record<string, unknown>; source: 'local' | 'server' } {
  if (!local || local.synced) return { answers: server.answers, source: 'server' };
  const serverMoved = server.updatedAt !== null && server.updatedAt !== local.baseUpdatedAt;
  if (!serverMoved || local.editedAt > Date.parse(server.updatedAt ?? '')) {
    return { answers: local.answers, source: 'local' };
  }
  return { answers: server.answers, source: 'server' };
}
