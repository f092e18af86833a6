import type { Project } from '../../../core/api/projects.ts';
import type { PathError } from './pathErrors.ts';

/** Project settings as the form edits them: numbers as typed, the lock time in a chosen unit. */
export interface SettingsDraft {
  name: string;
  guidelines: string;
  overlap: string;
  lock: string;
  lockUnit: 'minutes' | 'seconds';
  itemOrder: 'sequential' | 'random';
  allowEditSubmitted: boolean;
}

export interface Settings {
  name: string;
  guidelines: string;
  overlap: number;
  lockTtlSeconds: number;
  itemOrder: 'sequential' | 'random';
  allowEditSubmitted: boolean;
}

export const defaultSettings: SettingsDraft = {
  name: '',
  guidelines: '',
  overlap: '1',
  lock: '10',
  lockUnit: 'minutes',
  itemOrder: 'sequential',
  allowEditSubmitted: true,
};

export function settingsOf(p: Project): SettingsDraft {
  const minutes = p.lockTtlSeconds % 60 === 0;
  return {
    name: p.name,
    guidelines: p.guidelines,
    overlap: String(p.overlap),
    lock: String(minutes ? p.lockTtlSeconds / 60 : p.lockTtlSeconds),
    lockUnit: minutes ? 'minutes' : 'seconds',
    itemOrder: p.itemOrder,
    allowEditSubmitted: p.allowEditSubmitted,
  };
}

/**
 * The settings to send, or the problems the browser can tell before asking the server (in this
 * form's words: the server would speak of seconds while the form may show minutes).
 */
export function checkSettings(
  d: SettingsDraft,
): { ok: true; value: Settings } | { ok: false; errors: PathError[] } {
  const errors: PathError[] = [];
  const overlap = Number(d.overlap);
  if (d.overlap.trim() === '' || !Number.isInteger(overlap) || overlap < 1 || overlap > 100)
    errors.push({ path: 'overlap', message: 'Enter a whole number of annotators from 1 to 100.' });
  const seconds = Math.round(Number(d.lock) * (d.lockUnit === 'minutes' ? 60 : 1));
  if (d.lock.trim() === '' || !Number.isFinite(seconds) || seconds < 30 || seconds > 86_400)
    errors.push({
      path: 'lockTtlSeconds',
      message: 'Enter a lock time from 30 seconds to 24 hours (1440 minutes).',
    });
  if (d.name.trim() === '') errors.push({ path: 'name', message: 'Give the project a name.' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: d.name,
      guidelines: d.guidelines,
      overlap,
      lockTtlSeconds: seconds,
      itemOrder: d.itemOrder,
      allowEditSubmitted: d.allowEditSubmitted,
    },
  };
}
