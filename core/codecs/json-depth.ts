/**
 * How deeply arrays and objects may nest in one imported line (the line's own object is level 1).
 * Far past any real item, and far below the depth (~5,000) at which serialising or validating a
 * value recursively overflows the stack.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * Whether a parsed JSON value nests arrays and objects deeper than `max` levels. Walks with its
 * own stack, so a value too deep for recursive code is measured without overflowing; stops at the
 * first level past `max`, so it never walks more of a hostile value than that.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: [object, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
