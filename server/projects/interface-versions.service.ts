import type { InterfaceChange, InterfaceChangeDetails } from '../../core/api/projects.ts';
import {
  type BreakingChange,
  describeBreakingChange,
  diffInterfaces,
  type InterfaceEdit,
  migrateInterface,
  storedInterface,
} from '../../core/interface/index.ts';
import type { StoreKind } from '../db/store.ts';
import type { Tx } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import {
  type AffectedQuery,
  countAffectedAnswers,
  insertInterfaceVersion,
  setCurrentInterface,
} from './interface-versions.repository.ts';
import type { ProjectRow } from './projects.repository.ts';

/**
 * Applies a new interface to a project inside the caller's write transaction (access checked by
 * the caller). Unchanged: nothing happens, the version stays. Only safe changes: a new version at
 * once. Breaking changes: refused with the count of affected answers unless `confirm`. An edit
 * made from an older version than the current one is refused (INTERFACE_CHANGED).
 */
export async function applyInterfaceEdit(
  tx: Tx,
  kind: StoreKind,
  project: ProjectRow,
  edit: { interface: InterfaceEdit; confirm: boolean; userId: number; now: number },
): Promise<{ version: number }> {
  const from = edit.interface.version;
  if (from !== undefined && from !== project.interfaceVersion) {
    throw new AppError(
      'INTERFACE_CHANGED',
      `interface.version: you edited version ${from}, but the project is at version ${project.interfaceVersion}; reload it and make your edit again.`,
      { currentVersion: project.interfaceVersion },
    );
  }
  const current = migrateInterface(JSON.parse(project.interface), project.interfaceVersion);
  const next = { ...edit.interface, version: project.interfaceVersion };
  const diff = diffInterfaces(current, next);
  if (!diff.changed) return { version: project.interfaceVersion };
  if (diff.breaking.length > 0 && !edit.confirm) {
    const details = await affectedAnswers(tx, kind, project.id, diff.breaking);
    throw new AppError('INTERFACE_CHANGE_NEEDS_CONFIRMATION', confirmationMessage(details), details);
  }
  const version = project.interfaceVersion + 1;
  const text = storedInterface(next);
  await insertInterfaceVersion(tx, {
    projectId: project.id,
    version,
    interface: text,
    createdBy: edit.userId,
    createdAt: edit.now,
  });
  await setCurrentInterface(tx, { projectId: project.id, version, interface: text, now: edit.now });
  return { version };
}

/** The breaking changes as the API shows them, each with the annotations it affects, counted in SQL. */
async function affectedAnswers(
  tx: Tx,
  kind: StoreKind,
  projectId: number,
  breaking: readonly BreakingChange[],
): Promise<InterfaceChangeDetails> {
  const queries: AffectedQuery[] = [];
  const at = breaking.map((c) => (c.affects ? queries.push(c.affects) - 1 : -1));
  const counts = await countAffectedAnswers(tx, kind, projectId, queries);
  const changes = breaking.map(({ affects: _, ...change }, i): InterfaceChange => {
    const index = at[i] ?? -1;
    return { ...change, answers: index < 0 ? 0 : (counts.each[index] ?? 0) };
  });
  return { affectedAnswers: counts.total, changes };
}

/** One sentence naming every breaking change, for the error's message (the CLI prints it). */
function confirmationMessage(d: InterfaceChangeDetails): string {
  const answers = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;
  const described = d.changes.map((c) => `${describeBreakingChange(c)} (${answers(c.answers)})`);
  return `interface: this change affects ${answers(d.affectedAnswers)}: ${described.join('; ')}. Send it again with "confirm": true to apply it.`;
}
