/**
 * The pure kernels of span labelling, in one import: offset conversion and grapheme snapping
 * (text-index.ts), segment splitting (segments.ts), overlap layering (layers.ts) and span list
 * edits (span-ops.ts). Components render and dispatch; all the arithmetic is here, tested.
 */
export * from './layers.ts';
export * from './segments.ts';
export * from './span-ops.ts';
export * from './text-index.ts';
