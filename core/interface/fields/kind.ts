import type { z } from 'zod';

/**
 * One field type: what an item shows. Adding a type (image, audio, video, chat) is one file
 * exporting a FieldKind plus one entry in registry.ts.
 */
export interface FieldKind<S extends z.ZodObject = z.ZodObject> {
  readonly type: z.output<S>['type'];
  /** Strict schema of the field definition, with a literal `type`. */
  readonly config: S;
  /** What is wrong with an item's value for this field ("must be a string, got 3"), or undefined. */
  checkValue(value: unknown, field: z.output<S>): string | undefined;
}
