import type { Db } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { unknownSkills } from './user-skills.repository.ts';

/** A project's required skills must name skills of the catalogue (docs/skills.md). */
export async function checkRequiredSkills(
  db: Db,
  required: Record<string, number> | undefined,
): Promise<void> {
  if (!required) return;
  const unknown = await unknownSkills(db, Object.keys(required));
  if (unknown.length > 0) throw notInCatalogue('requiredSkills', unknown);
}

/** VALIDATION_FAILED naming the field and the names the catalogue lacks. */
export function notInCatalogue(path: string, unknown: string[]): AppError {
  const message = `${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the skills catalogue`;
  return new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
}
