import { checkCandidates, type InterfaceDefinition, questionKindOf } from '../../core/interface/index.ts';

type Issue = { field: string; message: string } | undefined;

/**
 * What a generation job needs of an interface (docs/generation.md), checked when it is started:
 * the `responses` field to fill (the only one when not named), the prompt field (the first chat
 * or text field when not named), and K candidates that the field and each question over it
 * accept (a pairwise question needs exactly 2). Returns the fields, or what is wrong.
 */
export function generationFields(
  iface: InterfaceDefinition,
  want: { field?: string | undefined; promptField?: string | undefined; k: number },
): { ok: true; field: string; promptField: string } | { ok: false; path: string; message: string } {
  const responses = iface.fields.filter((f) => f.type === 'responses');
  let field = want.field;
  if (field === undefined) {
    if (responses.length !== 1)
      return {
        ok: false,
        path: 'field',
        message:
          responses.length === 0
            ? 'the interface has no responses field to fill'
            : `the interface has ${responses.length} responses fields; name the one to fill`,
      };
    field = responses[0]!.name;
  } else if (!responses.some((f) => f.name === field))
    return { ok: false, path: 'field', message: `"${field}" is not a responses field of the interface` };
  const prompts = iface.fields.filter((f) => f.type === 'chat' || f.type === 'text');
  const promptField = want.promptField ?? prompts[0]?.name;
  if (promptField === undefined)
    return {
      ok: false,
      path: 'promptField',
      message: 'the interface has no chat or text field to send as the prompt',
    };
  if (!prompts.some((f) => f.name === promptField))
    return {
      ok: false,
      path: 'promptField',
      message: `"${promptField}" is not a chat or text field of the interface`,
    };
  const sample = Array.from({ length: want.k }, (_, i) => ({ id: `c${i + 1}`, content: '' }));
  const problem = checkCandidates(sample);
  if (problem)
    return {
      ok: false,
      path: 'candidates',
      message: `${want.k} candidates do not fit "${field}": it ${problem}`,
    };
  for (const q of iface.questions) {
    const kind = questionKindOf(q.type) as { checkItem?: (q: unknown, d: Record<string, unknown>) => Issue };
    const issue: Issue = kind.checkItem?.(q, { [field]: sample });
    if (issue && issue.field === field)
      return { ok: false, path: 'candidates', message: `${want.k} candidates do not fit: ${issue.message}` };
  }
  return { ok: true, field, promptField };
}

/**
 * Mode `new` into another project: the target must have the same prompt and responses fields, and
 * any other field it has must be one the source items carry, of the same type (they are copied).
 */
export function targetMismatch(
  source: InterfaceDefinition,
  target: InterfaceDefinition,
  fields: { field: string; promptField: string },
): string | undefined {
  const typeIn = (iface: InterfaceDefinition, name: string) =>
    iface.fields.find((f) => f.name === name)?.type;
  for (const f of target.fields) {
    if (f.name === fields.field) {
      if (f.type !== 'responses') return `the target's "${f.name}" is not a responses field`;
      continue;
    }
    if (typeIn(source, f.name) !== f.type)
      return `the target's field "${f.name}" (${f.type}) is not a ${f.type} field of this project, so new items could not fill it`;
  }
  if (typeIn(target, fields.field) !== 'responses')
    return `the target project has no responses field "${fields.field}"`;
  if (typeIn(target, fields.promptField) !== typeIn(source, fields.promptField))
    return `the target project has no ${typeIn(source, fields.promptField)} field "${fields.promptField}" for the prompt`;
  return undefined;
}
