/**
 * The pure kernels of span labelling, in one import: offset conversion and grapheme snapping
 * (text-index.ts), segment splitting (segments.ts), overlap layering (layers.ts), span list
 * edits (span-ops.ts), and for Markdown texts the TeX tokens selections snap to (tex-tokens.ts)
 * and the alignment of the rendered text with the source (align.ts). Components render and
 * dispatch; all the arithmetic is here, tested.
 */
export * from './align.ts';
export * from './layers.ts';
export * from './segments.ts';
export * from './span-ops.ts';
export * from './tex-tokens.ts';
export * from './text-index.ts';
