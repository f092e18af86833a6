import type { InterfaceDefinition } from '../../../../core/interface/index.ts';

/** A made-up item with every declared field, so the preview shows what annotators will see. */
export function sampleData(iface: InterfaceDefinition): Record<string, string> {
  return Object.fromEntries(
    iface.fields.map((f) => [
      f.name,
      f.type !== 'text' || f.format === 'markdown'
        ? `**Sample ${f.name}** with *Markdown*, \`code\` and maths: $e^{i\\pi} + 1 = 0$.\n\nAda Lovelace wrote about the Analytical Engine in London in 1843.`
        : `Sample ${f.name}: Ada Lovelace wrote about the Analytical Engine in London in 1843.`,
    ]),
  );
}
