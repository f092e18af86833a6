import { z } from 'zod';
import { listForMessage } from '../field-error.ts';
import { chatField } from './chat.ts';
import type { FieldKind } from './kind.ts';
import { audioField, imageField, videoField } from './media.ts';
import { responsesField } from './responses.ts';
import { textField } from './text.ts';

/** Every field type. A new type is one file in this folder and one entry here. */
const kinds = [textField, chatField, responsesField, audioField, videoField, imageField] as const;

// The tuple of config schemas, typed element by element so the union's output type stays precise.
type ConfigsOf<T> = { [K in keyof T]: T[K] extends { config: infer C } ? C : never };
const configs = kinds.map((k) => k.config) as unknown as ConfigsOf<typeof kinds>;

export const fieldTypes: readonly string[] = kinds.map((k) => k.type);
const byType = new Map<string, FieldKind>(kinds.map((k) => [k.type, k]));

export const FieldDefinition = z
  .discriminatedUnion('type', configs, {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? `unknown field type; expected one of ${listForMessage(fieldTypes)}`
        : undefined,
  })
  .meta({ id: 'Field' });
export type FieldDefinition = z.output<typeof FieldDefinition>;

/** The kind for a parsed field's type; throws only if the registry and schema disagree. */
export function fieldKindOf(type: string): FieldKind {
  const kind = byType.get(type);
  if (!kind) throw new Error(`no field kind registered for type "${type}"`);
  return kind;
}
