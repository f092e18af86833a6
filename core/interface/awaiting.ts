import { awaitsCandidates } from './fields/responses.ts';
import type { InterfaceDefinition } from './interface.ts';

/**
 * The `responses` fields of an item's data that still await their candidates: absent, or an
 * empty list (an item imported with its prompt alone, for generation to fill; docs/generation.md).
 * Such an item is valid input, and it is never served to annotators while any field is awaited.
 */
export function awaitingFields(
  iface: Pick<InterfaceDefinition, 'fields'>,
  data: Record<string, unknown>,
): string[] {
  return iface.fields
    .filter(
      (f) =>
        f.type === 'responses' && awaitsCandidates(Object.hasOwn(data, f.name) ? data[f.name] : undefined),
    )
    .map((f) => f.name);
}
