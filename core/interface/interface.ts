import { z } from 'zod';
import { listForMessage } from './field-error.ts';
import { FieldDefinition } from './fields/registry.ts';
import { QuestionDefinition, questionKindOf } from './questions/registry.ts';

/** Version of the persisted interface JSON; older versions load through migrate.ts. */
export const INTERFACE_VERSION = 1;

/**
 * A project's interface: the fields each item shows and the questions it asks. Persisted as JSON
 * with `version`; input without a version is read as version 1.
 */
export const InterfaceDefinition = z
  .strictObject({
    version: z
      .literal(INTERFACE_VERSION, {
        error: (iss) =>
          `unsupported version ${String(iss.input)}; this version of Verity reads up to ${INTERFACE_VERSION}`,
      })
      .default(INTERFACE_VERSION),
    fields: z.array(FieldDefinition).max(100),
    questions: z.array(QuestionDefinition).min(1, 'must have at least one question').max(200),
  })
  .superRefine((iface, ctx) => {
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
  })
  .meta({ id: 'Interface' });
export type InterfaceDefinition = z.output<typeof InterfaceDefinition>;

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
