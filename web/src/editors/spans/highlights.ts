/**
 * Painting spans over rendered text without touching its (sanitised) DOM: the CSS Custom
 * Highlight API. One highlight per span colour (`verity-span-0` … `-7`, styled in editors.css with
 * the label colours) and one for the pending selection (`verity-span-sel`), shared by every pane on
 * the page; each pane owns its ranges in them and replaces or removes only those.
 */
export const SELECTION_HIGHLIGHT = 'verity-span-sel';
export const spanHighlight = (color: number) => `verity-span-${color}`;

/** Whether this browser can paint highlights (Chromium 105+, Safari 17.2+, Firefox 149+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

const owned = new Map<symbol, ReadonlyMap<string, readonly Range[]>>();
/** The registry and a highlight are a map and a set (TypeScript's DOM types leave these out without DOM.Iterable). */
const registry = () => CSS.highlights as unknown as Map<string, Set<Range>>;

/** Replaces the ranges `owner` paints, by highlight name. False where highlights are not supported. */
export function paintHighlights(owner: symbol, byName: ReadonlyMap<string, readonly Range[]>): boolean {
  if (!highlightsSupported()) return false;
  const before = owned.get(owner);
  for (const [name, ranges] of before ?? []) {
    const h = registry().get(name);
    for (const r of ranges) h?.delete(r);
  }
  for (const [name, ranges] of byName) {
    if (ranges.length === 0) continue;
    let h = registry().get(name);
    if (!h) {
      const created = new Highlight();
      // The selection paints above the spans.
      if (name === SELECTION_HIGHLIGHT) created.priority = 1;
      h = created as unknown as Set<Range>;
      registry().set(name, h);
    }
    for (const r of ranges) h.add(r);
  }
  owned.set(owner, byName);
  return true;
}

export function clearHighlights(owner: symbol): void {
  paintHighlights(owner, new Map());
  owned.delete(owner);
}
