import { mediaIdsByField } from '../../core/media/reference.ts';
import type { MediaFacts } from '../../core/quality/measure.ts';

/**
 * An item's media facts by field, from its data (`media:<id>` references) and the project's
 * facts by media id; a field with a URL not yet fetched, or no probe, is left out.
 */
export function mediaOfItem(
  data: Record<string, unknown> | undefined,
  fields: readonly string[],
  facts: ReadonlyMap<number, MediaFacts>,
): Record<string, MediaFacts> | undefined {
  if (!data) return undefined;
  const out: Record<string, MediaFacts> = {};
  for (const [field, id] of mediaIdsByField(data, fields)) {
    const found = facts.get(id);
    if (found) out[field] = found;
  }
  return out;
}
