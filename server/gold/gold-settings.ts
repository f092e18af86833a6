import { GOLD_DEFAULTS, GoldSettings } from '../../core/api/gold.ts';

/** A project's gold settings from its row; the defaults when none are set. */
export function goldSettingsOf(p: { gold: string | null }): GoldSettings {
  if (p.gold === null) return GOLD_DEFAULTS;
  return GoldSettings.parse(JSON.parse(p.gold));
}
