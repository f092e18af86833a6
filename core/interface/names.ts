import { z } from 'zod';

/**
 * Field and question names: identifiers, so they are safe as JSON keys, SQL-free column names in
 * exports and Python attribute names. `__proto__` is refused because assigning it on a plain JS
 * object changes the prototype instead of storing a value.
 */
export const Identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be an identifier: a letter or _, then letters, digits or _')
  .refine((s) => s !== '__proto__', '"__proto__" is reserved');

/** Display text shown to annotators. */
export const DisplayLabel = z.string().min(1).max(500);

/** A non-empty list of distinct, non-blank strings (choice options, span labels). */
export function distinctStrings(what: string, opts: { maxItems: number; maxLength: number }) {
  const item = z.string().max(opts.maxLength).regex(/\S/, `${what} must not be blank`);
  return z
    .array(item)
    .min(1, `must have at least one ${what}`)
    .max(opts.maxItems, `must have at most ${opts.maxItems} ${what}s`)
    .superRefine((items, ctx) => {
      const firstAt = new Map<string, number>();
      items.forEach((s, i) => {
        const first = firstAt.get(s);
        if (first === undefined) firstAt.set(s, i);
        else
          ctx.addIssue({ code: 'custom', path: [i], message: `duplicate ${what} "${s}" (also [${first}])` });
      });
    });
}
