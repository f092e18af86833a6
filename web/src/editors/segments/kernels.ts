/**
 * The pure kernels of region marking, in one import: time arithmetic (regions.ts), list edits
 * (edits.ts) and drawing and hit-testing (layout.ts). Components render and dispatch; the
 * arithmetic is here, tested.
 */
export * from './edits.ts';
export * from './layout.ts';
export * from './regions.ts';
