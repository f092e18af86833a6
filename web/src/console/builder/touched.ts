import { controlId, type PathError } from '../pathErrors.ts';

/**
 * When a form shows its problems: an input's problems once the person has left it ("touched"),
 * every problem once they have tried to submit. Paths are the form's (`name`,
 * `questions[0].options[2]`); an input is touched by its own path.
 */

/** `questions[0].options[2]` → itself, `questions[0].options`, `questions[0]`, `questions`, ``. */
export function pathAncestors(path: string): string[] {
  const out = [path];
  let p = path;
  while (p !== '') {
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut <= 0 ? '' : p.slice(0, cut);
    out.push(p);
  }
  return out;
}

/** Whether one path is the other or lies within it. */
function related(a: string, b: string): boolean {
  const within = (inner: string, outer: string) =>
    outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return within(a, b) || within(b, a);
}

/**
 * The problems to show. A problem is shown once submitted, or once an input at its path, around
 * it (the whole list) or within it (an entry of a list the problem is about) was touched.
 */
export function visibleErrors(
  errors: readonly PathError[],
  touched: ReadonlySet<string>,
  submitted: boolean,
): PathError[] {
  if (submitted) return [...errors];
  return errors.filter((e) => [...touched].some((t) => related(t, e.path)));
}

/**
 * The input a problem is about: the one at its path, or else the nearest one around it (an
 * option's problem goes to its list), found by `byId` (document.getElementById in the page).
 */
export function controlFor<T>(path: string, byId: (id: string) => T | null): T | null {
  for (const p of pathAncestors(path)) {
    const el = byId(controlId(p));
    if (el) return el;
  }
  return null;
}

const settingNames: Record<string, string> = {
  name: 'Name',
  guidelines: 'Guidelines',
  overlap: 'Annotators per item',
  lockTtlSeconds: 'Lock time',
  itemOrder: 'Item order',
  allowEditSubmitted: 'Editing submitted work',
};

/** Where a problem is, in words: `questions[1].options[0]` → "Question 2, options[0]". */
export function describePath(path: string): string {
  if (path === '') return 'Interface';
  if (settingNames[path]) return settingNames[path];
  const m = /^(fields|questions)\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (!m) return path;
  const what = `${m[1] === 'fields' ? 'Field' : 'Question'} ${Number(m[2]) + 1}`;
  return m[3] ? `${what}, ${describeWithin(m[3])}` : what;
}

/** A path within a question in words: a criterion by its number, `criteria[1].name` → "criterion 2, name". */
function describeWithin(rest: string): string {
  const c = /^criteria\[(\d+)\](?:\.(.*))?$/.exec(rest);
  if (!c) return rest;
  const which = `criterion ${Number(c[1]) + 1}`;
  return c[2] ? `${which}, ${c[2]}` : which;
}
