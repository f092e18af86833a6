import { ITEM_PREVIEW_LENGTH } from '../../core/api/items.ts';

/**
 * An item's preview in the list: its first field's text (the interface's first field — for a
 * conversation, its first user turn — or else the first string in its data), whitespace collapsed, cut to ITEM_PREVIEW_LENGTH code points with an
 * ellipsis. Plain text: the web shows it as typed, never as Markdown.
 */
export function itemPreview(data: Record<string, unknown>, firstField: string | undefined): string {
  const named = firstField === undefined ? undefined : data[firstField];
  const text = typeof named === 'string' ? named : (firstUserTurn(named) ?? firstString(data, 0));
  if (text === undefined) return '';
  // Only the start is needed: a long text is cut before it is scanned.
  const start = text
    .slice(0, ITEM_PREVIEW_LENGTH * 4)
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...start];
  if (chars.length <= ITEM_PREVIEW_LENGTH) return start;
  return `${chars.slice(0, ITEM_PREVIEW_LENGTH - 1).join('')}…`;
}

function firstString(v: unknown, depth: number): string | undefined {
  if (typeof v === 'string') return v;
  if (depth > 8 || v === null || typeof v !== 'object') return undefined;
  for (const x of Object.values(v)) {
    const found = firstString(x, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The content of a conversation's first user turn, when `v` is a conversation with one. */
function firstUserTurn(v: unknown): string | undefined {
  if (!Array.isArray(v)) return undefined;
  const turn = v.find(
    (t) => t !== null && typeof t === 'object' && (t as { role?: unknown }).role === 'user',
  );
  const content = (turn as { content?: unknown } | undefined)?.content;
  return typeof content === 'string' ? content : undefined;
}
