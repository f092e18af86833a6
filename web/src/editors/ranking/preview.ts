import { boundedSource } from '../../work/summary.ts';

/** Code points of a candidate shown in its row: a reminder of which answer it is. */
export const PREVIEW_MAX = 140;

/** A candidate's first words on one line, cut outside maths, for its row in the ranking. */
export const previewOf = (content: string): string =>
  boundedSource(content.replace(/\s+/g, ' ').trim(), PREVIEW_MAX);
