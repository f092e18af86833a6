import { z } from 'zod';
import { describeValue } from '../field-error.ts';
import { DisplayLabel, Identifier } from '../names.ts';
import type { FieldKind } from './kind.ts';

/** A text shown to the annotator; `markdown` is rendered, `plain` shown as is. */
export const TextField = z
  .strictObject({
    name: Identifier,
    type: z.literal('text'),
    label: DisplayLabel.optional(),
    format: z.enum(['plain', 'markdown']).default('plain'),
  })
  .meta({ id: 'TextField' });
export type TextField = z.output<typeof TextField>;

export const textField: FieldKind<typeof TextField> = {
  type: 'text',
  config: TextField,
  checkValue: (value) =>
    typeof value === 'string' ? undefined : `must be a string, got ${describeValue(value)}`,
};
