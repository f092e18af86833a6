import type { InterfaceDefinition } from './interface.ts';

/**
 * Item data as an annotator sees it: each candidate of a `responses` field without its `model`
 * and its `generation` record (which names the model too), unless the field reveals models. The work loop and an annotator's item page send this, so a
 * hidden model name is in no payload a tutor receives, not only off the screen. Data without
 * hidden names is returned as it is.
 */
export function withoutHiddenModels(
  iface: Pick<InterfaceDefinition, 'fields'>,
  data: Record<string, unknown>,
): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const field of iface.fields) {
    if (field.type !== 'responses' || field.revealModels) continue;
    const value = Object.hasOwn(data, field.name) ? data[field.name] : undefined;
    if (
      !Array.isArray(value) ||
      !value.some((c) => c !== null && typeof c === 'object' && ('model' in c || 'generation' in c))
    )
      continue;
    out ??= { ...data };
    out[field.name] = value.map((c) => {
      if (c === null || typeof c !== 'object') return c;
      const { model: _, generation: __, ...rest } = c as Record<string, unknown>;
      return rest;
    });
  }
  return out ?? data;
}
