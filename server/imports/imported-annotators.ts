import type { ImportedAnnotation } from '../../core/codecs/items.ts';
import type { Tx } from '../db/transaction.ts';
import {
  findExternalIdentity,
  findMemberAccount,
  insertExternalIdentity,
  insertImportedAnnotation,
  setSubmittedCount,
} from './imports.repository.ts';

/**
 * The annotations an import brings, written under the annotators they name. An annotator is
 * either an account that is a member of the project, named by its email, or an external identity
 * (a name without `@`, an identity without a login, created on first use). Anything else with an
 * `@` is refused, so nobody can file work under an account outside the project, and no external
 * identity can look like an email. Every revision written records who really imported it.
 */
export class ImportedAnnotators {
  /** Each annotator named so far: its user id, or why it is refused. */
  private readonly known = new Map<string, number | { problem: string }>();

  constructor(
    private readonly tx: Tx,
    private readonly projectId: number,
  ) {}

  /**
   * Why a line's annotations cannot go in, phrased as `annotations[k]: …`, or null. Checks every
   * email-named annotator before anything of the line is written, so a refused line leaves
   * nothing behind (not even an external identity) when the rest of the import is kept.
   */
  async problemOf(list: ImportedAnnotation[]): Promise<string | null> {
    for (const [k, a] of list.entries()) {
      if (!a.annotator.includes('@')) continue;
      const found = await this.member(a.annotator);
      if (typeof found !== 'number') return `annotations[${k}]: ${found.problem}`;
    }
    return null;
  }

  /** The user id of an annotator that problemOf accepted; external identities are made here. */
  async idOf(annotator: string): Promise<number> {
    const known = this.known.get(annotator);
    if (typeof known === 'number') return known;
    if (known) throw new Error(`annotator ${annotator} was refused: ${known.problem}`);
    if (annotator.includes('@')) {
      const found = await this.member(annotator);
      if (typeof found !== 'number') throw new Error(`annotator ${annotator} was refused: ${found.problem}`);
      return found;
    }
    const id =
      (await findExternalIdentity(this.tx, annotator)) ?? (await insertExternalIdentity(this.tx, annotator));
    this.known.set(annotator, id);
    return id;
  }

  /**
   * The member of this project with that email. An account that exists but is not a member is
   * refused in the same words as no account at all: an import must not tell a project manager
   * which addresses have accounts.
   */
  private async member(email: string): Promise<number | { problem: string }> {
    const known = this.known.get(email);
    if (known !== undefined) return known;
    const id = await findMemberAccount(this.tx, this.projectId, email);
    const found = id ?? { problem: `${email} is not a member of this project` };
    this.known.set(email, found);
    return found;
  }
}

/**
 * Writes an item's imported annotations: per annotation an assignment (submitted, or expired for
 * a draft), the annotation and its `import` revision, which names the importer. Returns how many.
 */
export async function insertAnnotations(
  tx: Tx,
  at: { projectId: number; itemId: number; importedBy: number; now: number },
  list: ImportedAnnotation[],
  annotators: ImportedAnnotators,
): Promise<number> {
  const { projectId, itemId, importedBy, now } = at;
  let submitted = 0;
  for (const a of list) {
    if (a.status === 'submitted') submitted += 1;
    await insertImportedAnnotation(tx, {
      projectId,
      itemId,
      userId: await annotators.idOf(a.annotator),
      status: a.status,
      answers: JSON.stringify(a.answers),
      leadTimeMs: a.leadTimeMs ?? 0,
      createdAt: a.createdAt ? Date.parse(a.createdAt) || now : now,
      importedAt: now,
      importedBy,
    });
  }
  if (submitted > 0) await setSubmittedCount(tx, { itemId, submitted });
  return list.length;
}
