import { AssessmentSetting } from '../../core/api/assessments.ts';
import { GOLD_DEFAULTS } from '../../core/api/gold.ts';
import type { Tx } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { unknownSkills } from '../skills/user-skills.repository.ts';
import { writeAssessmentColumns } from './setting.repository.ts';

/** A project's assessment setting from its row; null: the project is no assessment. */
export function assessmentOf(p: { assessment: string | null }): AssessmentSetting | null {
  if (p.assessment === null) return null;
  return AssessmentSetting.parse(JSON.parse(p.assessment));
}

/**
 * Writes a project's assessment setting inside the caller's transaction (creation or a settings
 * change). The skill must be in the catalogue: otherwise refused naming the field. An assessment
 * scores its answers with the gold scorers, which run only where gold was ever set up
 * (server/gold/gold-settings.ts), so a project without gold settings gets the defaults: no gold
 * served to ordinary work, no quality bar.
 */
export async function applyAssessmentSetting(
  tx: Tx,
  p: { projectId: number; gold: string | null; setting: AssessmentSetting | null },
): Promise<void> {
  if (p.setting !== null && (await unknownSkills(tx, [p.setting.skill])).length > 0) {
    const path = 'body.assessment.skill';
    const message = `skill "${p.setting.skill}" is not in the catalogue`;
    throw new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
  }
  await writeAssessmentColumns(tx, {
    projectId: p.projectId,
    assessment: p.setting && JSON.stringify(p.setting),
    gold: p.setting !== null && p.gold === null ? JSON.stringify(GOLD_DEFAULTS) : undefined,
  });
}
