import type { InterfaceDefinition } from '../../core/interface/index.ts';
import { parseMediaReference } from '../../core/media/reference.ts';
import type { MediaFacts } from '../../core/quality/measure.ts';

/** The media fields that segments, frames and tracks questions are measured over. */
export function measuredMediaFields(iface: Pick<InterfaceDefinition, 'questions'>): string[] {
  const fields = iface.questions.flatMap((q) =>
    q.type === 'segments' || q.type === 'frames' || q.type === 'tracks' ? [q.field] : [],
  );
  return [...new Set(fields)];
}

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
  for (const field of fields) {
    const value = data[field];
    const ref = typeof value === 'string' ? parseMediaReference(value) : null;
    const found = ref?.kind === 'media' ? facts.get(ref.id) : undefined;
    if (found) out[field] = found;
  }
  return out;
}
