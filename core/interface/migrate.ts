import { type Checked, fromZodIssues, isPlainObject } from './field-error.ts';
import { INTERFACE_VERSION, InterfaceDefinition } from './interface.ts';

type RawInterface = Record<string, unknown>;

/**
 * Ordered upgrade steps: `migrations[n]` turns a version-n interface into version n+1. To change
 * the persisted shape, bump INTERFACE_VERSION and add the step for the old version here; never
 * guess a shape at load time. Only version 1 exists, so there are no steps yet.
 */
const migrations: Record<number, (raw: RawInterface) => RawInterface> = {};

/** Applies the upgrade steps; input without `version` predates versioning and counts as version 1. */
export function upgradeInterface(raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  let current: RawInterface = raw.version === undefined ? { ...raw, version: 1 } : raw;
  for (let v = current.version; typeof v === 'number' && v < INTERFACE_VERSION; v = current.version) {
    const step = migrations[v];
    if (!step) break; // an unknown old version: the schema reports it
    current = { ...step(current), version: v + 1 };
  }
  return current;
}

/** Upgrades then validates; for user input (API bodies, imports). */
export function parseInterface(input: unknown): Checked<InterfaceDefinition> {
  const result = InterfaceDefinition.safeParse(upgradeInterface(input));
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: fromZodIssues(result.error.issues, 'interface') };
}

/**
 * Loads a stored interface (any version) as the current one. Stored interfaces were validated when
 * written, so a failure here means corrupt data: it throws rather than returning errors.
 */
export function migrateInterface(raw: unknown): InterfaceDefinition {
  const parsed = parseInterface(raw);
  if (!parsed.ok) {
    throw new Error(`stored interface is invalid: ${parsed.errors.map((e) => e.message).join('; ')}`);
  }
  return parsed.value;
}
