/**
 * The pure kernels of span labelling, in one import: offset conversion and grapheme snapping
 * (text-index.ts), segment splitting (segments.ts), overlap layering (layers.ts), span list
 * edits (span-ops.ts), and for Markdown texts the TeX tokens selections snap to (tex-tokens.ts).
 * Components render and dispatch; all the arithmetic is here, tested. The alignment of a
 * rendered text with its source (align.ts) is imported by the rendered pane alone, so it stays
 * in the pane's own chunk.
 */
export * from './layers.ts';
export * from './segments.ts';
export * from './span-ops.ts';
export * from './tex-tokens.ts';
export * from './text-index.ts';
