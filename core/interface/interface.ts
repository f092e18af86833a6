import { z } from 'zod';
import { listForMessage } from './field-error.ts';
import { FieldDefinition } from './fields/registry.ts';
import { QuestionDefinition, questionKindOf } from './questions/registry.ts';

/** The interface schema around a given schema of `version` (a default for new ones, optional for edits). */
const interfaceWith = <V extends z.ZodType<number | undefined>>(version: V) =>
  z
    .strictObject({
      version,
      fields: z.array(FieldDefinition).max(100),
      questions: z.array(QuestionDefinition).min(1, 'must have at least one question').max(200),
    })
    .superRefine((iface, ctx) => checkNames(iface, ctx));

/**
 * A project's interface: the fields each item shows and the questions it asks. `version` is the
 * project's interface version: 1 at creation, one more for each change (docs/data-model.md,
 * "Interface versions"); input without it is read as version 1. The shape of the JSON as stored is
 * versioned apart, by `format` (migrate.ts).
 */
export const InterfaceDefinition = interfaceWith(
  z
    .int()
    .min(1)
    .default(1)
    .describe("the project's interface version: 1 at creation, +1 per change of the interface"),
).meta({ id: 'Interface' });
export type InterfaceDefinition = z.output<typeof InterfaceDefinition>;

/**
 * A new interface for an existing project (`PATCH /api/projects/{id}`). `version`, when given, is
 * the version the edit was made from: if the project has moved on since, the edit is refused
 * rather than silently undoing someone else's change.
 */
export const InterfaceEdit = interfaceWith(
  z
    .int()
    .min(1)
    .optional()
    .describe(
      'the interface version this edit was made from; refused with INTERFACE_CHANGED if it is no longer current',
    ),
).meta({ id: 'InterfaceEdit' });
export type InterfaceEdit = z.output<typeof InterfaceEdit>;

function checkNames(
  iface: { fields: FieldDefinition[]; questions: QuestionDefinition[] },
  ctx: z.RefinementCtx,
): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  duplicateNames(iface.fields, 'field', issue);
  duplicateNames(iface.questions, 'question', issue);
  // Questions that work on a field (spans on a text field) must name a declared field of a fitting type.
  const fields = new Map(iface.fields.map((f) => [f.name, f]));
  iface.questions.forEach((q, i) => {
    for (const ref of questionKindOf(q.type).fieldRefs?.(q) ?? []) {
      const field = fields.get(ref.name);
      const path = ['questions', i, ref.key];
      if (!field) {
        issue(
          path,
          `no field named "${ref.name}"; declared fields: ${listForMessage([...fields.keys()]) || 'none'}`,
        );
      } else if (!ref.types.includes(field.type)) {
        issue(
          path,
          `field "${ref.name}" is ${field.type}; this question needs a ${ref.types.join(' or ')} field`,
        );
      }
    }
  });
}

function duplicateNames(
  items: readonly { name: string }[],
  what: 'field' | 'question',
  issue: (path: PropertyKey[], message: string) => void,
): void {
  const firstAt = new Map<string, number>();
  items.forEach(({ name }, i) => {
    const first = firstAt.get(name);
    if (first === undefined) firstAt.set(name, i);
    else issue([`${what}s`, i, 'name'], `duplicate ${what} name "${name}" (also ${what}s[${first}])`);
  });
}
