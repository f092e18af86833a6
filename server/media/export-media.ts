import { type InterfaceDefinition, MEDIA_FIELD_TYPES } from '../../core/interface/index.ts';
import { itemMediaPath } from '../../core/media/reference.ts';

/**
 * The `"media"` member of a JSONL export line (docs/media.md): for each media field, the path its
 * media is served from. Made from the item id alone, so the export reads nothing more; null when
 * the interface has no media field (the line is as before).
 */
export function mediaUrlsTail(
  iface: Pick<InterfaceDefinition, 'fields'>,
): ((itemId: number) => string) | null {
  const names = iface.fields.filter((f) => MEDIA_FIELD_TYPES.includes(f.type)).map((f) => f.name);
  if (names.length === 0) return null;
  return (itemId) =>
    `,"media":{${names.map((n) => `${JSON.stringify(n)}:${JSON.stringify(itemMediaPath(itemId, n))}`).join(',')}}`;
}
