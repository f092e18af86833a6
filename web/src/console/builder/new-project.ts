import { isRecord } from '../../work/storage.ts';
import { defaultSettings, type SettingsDraft } from '../settings.ts';
import { fromRaw, type InterfaceDraft, toRaw } from './draft.ts';
import { type Template, templates } from './templates.ts';

/** The new-project form as kept in the browser: the settings, and the interface as its JSON. */
export interface NewProjectSnapshot {
  settings: SettingsDraft;
  interface: Record<string, unknown>;
}

const isSettings = (v: unknown): v is SettingsDraft =>
  isRecord(v) &&
  ['name', 'guidelines', 'overlap', 'lock'].every((k) => typeof v[k] === 'string') &&
  (v.itemOrder === 'sequential' || v.itemOrder === 'random') &&
  typeof v.allowEditSubmitted === 'boolean';

export const isSnapshot = (v: unknown): v is NewProjectSnapshot =>
  isRecord(v) && isSettings(v.settings) && isRecord(v.interface);

/** What the page starts with: one plain text field and no question. */
export const blankInterface = (): InterfaceDraft =>
  fromRaw({ fields: [{ name: 'text', type: 'text', format: 'plain' }], questions: [] });

export const snapshotOf = (settings: SettingsDraft, draft: InterfaceDraft): NewProjectSnapshot => ({
  settings,
  interface: toRaw(draft),
});

/** A snapshot as one string, to compare two states of the form. */
export const sameForm = (a: NewProjectSnapshot, b: NewProjectSnapshot): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

export const pristine = (): NewProjectSnapshot => snapshotOf(defaultSettings, blankInterface());

/** Whether the guidelines are still nobody's own words (empty, or a template's), so a template may replace them. */
export const guidelinesUntouched = (guidelines: string): boolean =>
  guidelines.trim() === '' || templates.some((t) => t.guidelines === guidelines);

/**
 * The form after picking a template: its interface replaces the one built so far; its guidelines
 * replace the current ones only if those are not the person's own.
 */
export function withTemplate(
  settings: SettingsDraft,
  t: Template,
): { settings: SettingsDraft; draft: InterfaceDraft; notice: string } {
  const untouched = guidelinesUntouched(settings.guidelines);
  return {
    settings: untouched ? { ...settings, guidelines: t.guidelines } : settings,
    draft: fromRaw(t.interface),
    notice: `Started from the ${t.name} template${untouched ? ', with its guidelines' : ''}.`,
  };
}
