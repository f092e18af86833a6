import { z } from 'zod';
import { parseMediaReference } from '../../media/reference.ts';
import { describeValue } from '../field-error.ts';
import { DisplayLabel, Identifier } from '../names.ts';
import type { FieldKind } from './kind.ts';

/**
 * A recording, a video or an image, stored as media of the project (docs/media.md). The item's
 * value is `media:<id>`; an import line may give an http(s) URL instead, which the server fetches
 * and replaces (a file path is the CLI's to upload first, with `--media DIR`).
 */
const mediaConfig = <T extends 'audio' | 'video' | 'image'>(type: T, id: string) =>
  z.strictObject({ name: Identifier, type: z.literal(type), label: DisplayLabel.optional() }).meta({ id });

export const AudioField = mediaConfig('audio', 'AudioField');
export const VideoField = mediaConfig('video', 'VideoField');
export const ImageField = mediaConfig('image', 'ImageField');

/** What is wrong with a media field's value, or undefined. */
export function checkMediaValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be "media:<id>" or an http(s) URL, got ${describeValue(value)}`;
  const ref = parseMediaReference(value);
  if (ref.kind === 'path')
    return `must be "media:<id>" or an http(s) URL, got a file path ${JSON.stringify(value.slice(0, 200))} (upload files with \`verity import --media DIR\`)`;
  if (ref.kind === 'url' && value.length > 2048) return 'the URL is longer than 2048 characters';
  return undefined;
}

export const audioField: FieldKind<typeof AudioField> = {
  type: 'audio',
  config: AudioField,
  checkValue: checkMediaValue,
};
export const videoField: FieldKind<typeof VideoField> = {
  type: 'video',
  config: VideoField,
  checkValue: checkMediaValue,
};
export const imageField: FieldKind<typeof ImageField> = {
  type: 'image',
  config: ImageField,
  checkValue: checkMediaValue,
};

/** The field types that hold media. */
export const MEDIA_FIELD_TYPES: readonly string[] = ['audio', 'video', 'image'];
