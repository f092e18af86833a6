import { GOLD_DEFAULTS, GoldSettings } from '../../core/api/gold.ts';

/** A project's gold settings from its row; the defaults when none are set. */
export function goldSettingsOf(p: { gold: string | null }): GoldSettings {
  if (p.gold === null) return GOLD_DEFAULTS;
  return GoldSettings.parse(JSON.parse(p.gold));
}

/**
 * Whether gold was ever set up on the project. `projects.gold` stays null until the first gold
 * setting and is never null again (the setting can be changed, not removed): until then no gold
 * item is served, so none is submitted, and no bar has paused anyone. The work loop's gold hooks
 * read nothing on such a project.
 */
export const goldInUse = (p: { gold: string | null }): boolean => p.gold !== null;
