import { type Checked, fromZodIssues, isPlainObject } from './field-error.ts';
import { InterfaceDefinition } from './interface.ts';

type RawInterface = Record<string, unknown>;

/**
 * Version of the stored interface JSON's shape, kept in the stored text as `format`. It is not the
 * project's interface version (`version`, which counts a project's edits and lives in its own
 * column). Rows written before migration 0010 hold the format in `version` (always 1).
 */
export const INTERFACE_FORMAT = 1;

/**
 * Ordered upgrade steps: `formatSteps[n]` turns a format-n interface into format n+1. To change the
 * stored shape, bump INTERFACE_FORMAT and add the step for the old format here; never guess a shape
 * at load time. Only format 1 exists, so there are no steps yet.
 */
const formatSteps: Record<number, (raw: RawInterface) => RawInterface> = {};

/** The stored text of an interface: its fields and questions under the current format. */
export function storedInterface(iface: Pick<InterfaceDefinition, 'fields' | 'questions'>): string {
  return JSON.stringify({ format: INTERFACE_FORMAT, fields: iface.fields, questions: iface.questions });
}

/** Applies the format steps and drops the format marker: what is left is the public shape. */
export function upgradeInterface(raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  // Before 0010 the format was written as `version`; no format at all is format 1.
  const { format, version: legacy, ...rest } = raw;
  let current: RawInterface = rest;
  let at = format ?? legacy ?? 1;
  if (typeof at !== 'number' || at > INTERFACE_FORMAT) {
    throw new Error(
      `stored interface has format ${String(at)}; this version of Verity reads up to ${INTERFACE_FORMAT}`,
    );
  }
  for (; at < INTERFACE_FORMAT; at++) {
    const step = formatSteps[at];
    if (!step) throw new Error(`no upgrade step from interface format ${at}`);
    current = step(current);
  }
  return current;
}

/** Validates an interface given by a person or client (API bodies, files): the public shape. */
export function parseInterface(input: unknown): Checked<InterfaceDefinition> {
  const result = InterfaceDefinition.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: fromZodIssues(result.error.issues, 'interface') };
}

/**
 * Loads a stored interface (any format) as the public shape at the project's interface `version`.
 * Stored interfaces were validated when written, so a failure here means corrupt data: it throws
 * rather than returning errors.
 */
export function migrateInterface(raw: unknown, version = 1): InterfaceDefinition {
  const upgraded = upgradeInterface(raw);
  const parsed = parseInterface(isPlainObject(upgraded) ? { ...upgraded, version } : upgraded);
  if (!parsed.ok) {
    throw new Error(`stored interface is invalid: ${parsed.errors.map((e) => e.message).join('; ')}`);
  }
  return parsed.value;
}
