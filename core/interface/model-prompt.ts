import { orderedIds } from './answer-schema.ts';
import { candidatesOf } from './fields/candidate.ts';
import type { InterfaceDefinition } from './interface.ts';
import { maxStrength, pairwiseLabels } from './questions/pairwise-scale.ts';
import type { QuestionDefinition } from './questions/registry.ts';

/**
 * The prompt a model answers an item's questions from (a judge, a suggestion): the item's fields
 * as text, the questions with their labels, options and scales, and the project's guidelines,
 * cut to a bound. Candidates are named by id only, never by the model that wrote them, so a judge
 * cannot favour a model by its name (docs/judge.md).
 */

/** The most characters of the project's guidelines a prompt carries. */
export const PROMPT_GUIDELINES_MAX = 8_000;

export interface PromptMessage {
  role: 'system' | 'user';
  content: string;
}

const INSTRUCTIONS = [
  'You annotate data for a project, as one of its annotators.',
  'Read the item, then answer every question asked about it.',
  'Reply with one JSON object that fits the schema you are given: {"answers": {"<question name>": <answer>, …}}.',
  'Candidate answers are named by an id only; judge each by its content, not by its id or its place in the list.',
].join(' ');

/** The guidelines, cut at `PROMPT_GUIDELINES_MAX` characters with a note that they were. */
export function boundedGuidelines(guidelines: string): string {
  const text = guidelines.trim();
  if (text.length <= PROMPT_GUIDELINES_MAX) return text;
  return `${text.slice(0, PROMPT_GUIDELINES_MAX)}\n[… the guidelines go on; cut at ${PROMPT_GUIDELINES_MAX} characters]`;
}

/** One field of the item as text; candidates by id, in the shown order, without their model. */
function fieldText(
  field: InterfaceDefinition['fields'][number],
  data: Record<string, unknown>,
  order: Record<string, readonly string[]> | undefined,
): string | undefined {
  const value = Object.hasOwn(data, field.name) ? data[field.name] : undefined;
  if (value === undefined || value === null) return undefined;
  const title = `## Field "${field.name}"${field.label ? ` (${field.label})` : ''}`;
  if (field.type === 'text') return typeof value === 'string' ? `${title}\n\n${value}` : undefined;
  if (field.type === 'chat') {
    if (!Array.isArray(value)) return undefined;
    const turns = (value as { role: string; content: string }[]).map(
      (t, i) => `### Turn ${i + 1} (${t.role})\n\n${t.content}`,
    );
    return `${title}: a conversation\n\n${turns.join('\n\n')}`;
  }
  if (field.type === 'audio' || field.type === 'video' || field.type === 'image')
    return `${title}: ${field.type === 'image' ? 'an image' : `a ${field.type} recording`}, not shown to you`;
  const candidates = candidatesOf(data, field.name);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const parts = orderedIds(data, field.name, order).map((id) => {
    const c = byId.get(id)!;
    const steps = c.steps ? `\n\nIts steps:\n${c.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}` : '';
    return `### Candidate ${JSON.stringify(id)}\n\n${c.content}${steps}`;
  });
  return `${title}: candidate answers, named by id\n\n${parts.join('\n\n')}`;
}

const quoted = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** What one question asks and how its answer is written. */
function questionText(
  q: QuestionDefinition,
  data: Record<string, unknown>,
  order: Record<string, readonly string[]> | undefined,
): string {
  const lines = [`## Question "${q.name}"${q.required ? ' (required)' : ''}`];
  if (q.label) lines.push(q.label);
  if (q.description) lines.push(q.description);
  switch (q.type) {
    case 'choice':
      lines.push(`Answer with exactly one of these options: ${quoted(q.options)}.`);
      break;
    case 'multi_choice': {
      const bounds = [
        q.minSelected !== undefined ? `at least ${q.minSelected}` : '',
        q.maxSelected !== undefined ? `at most ${q.maxSelected}` : '',
      ].filter(Boolean);
      lines.push(
        `Answer with a list of the options that apply${bounds.length ? ` (${bounds.join(', ')})` : ''}, each once: ${quoted(q.options)}.`,
      );
      break;
    }
    case 'rating':
      lines.push(`Answer with a whole number from ${q.min} (lowest) to ${q.max} (highest).`);
      break;
    case 'number': {
      const range = [
        q.min !== undefined ? `at least ${q.min}` : '',
        q.max !== undefined ? `at most ${q.max}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      lines.push(`Answer with ${q.integer ? 'a whole number' : 'a number'}${range ? `, ${range}` : ''}.`);
      break;
    }
    case 'text':
      lines.push(`Answer with text of at most ${q.maxLength} characters.`);
      break;
    case 'pairwise': {
      const ids = orderedIds(data, q.field, order);
      const max = maxStrength(q.scale);
      const labels = pairwiseLabels(q);
      const [a, b] = ids;
      lines.push(
        `Compare the candidates of field "${q.field}" (${quoted(ids)}). Answer with {"preferred", "strength", "justification"}: ` +
          `"preferred" is the id of the better candidate, or null when they are about the same; "strength" is how much better, ` +
          `from 0 to ${max}, on the question's scale, where A is ${JSON.stringify(a)} and B is ${JSON.stringify(b)}:`,
      );
      lines.push(`- 0: ${labels[max]} (then "preferred" is null)`);
      for (let s = 1; s <= max; s++) lines.push(`- ${s}: ${labels[max - s]} / ${labels[max + s]}`);
      lines.push(
        q.requireJustificationFrom !== undefined
          ? `"justification" says why in a few sentences; it must not be empty from strength ${q.requireJustificationFrom}.`
          : '"justification" says why in a few sentences (it may be empty).',
      );
      if (q.criteria && q.criteria.length > 0)
        lines.push(
          `"criteria" holds the same {"preferred", "strength"} for each criterion: ${q.criteria
            .map((c) => (c.label ? `"${c.name}" (${c.label})` : `"${c.name}"`))
            .join(', ')}.`,
        );
      break;
    }
    case 'ranking': {
      const ids = orderedIds(data, q.field, order);
      lines.push(
        `Rank every candidate of field "${q.field}" (${quoted(ids)}), best first: {"order": [[id], [id], …]}` +
          (q.allowTies
            ? '; candidates that tie share one inner list.'
            : ', one id per inner list (no ties).'),
      );
      break;
    }
  }
  return lines.join('\n');
}

/**
 * The messages asking a model to answer `questions` about one item: a system message with the
 * instructions and the project's guidelines (bounded), and a user message with the item's fields
 * and the questions. `order`: each candidate list in the order the model is shown it.
 */
export function modelPrompt(
  iface: Pick<InterfaceDefinition, 'fields'>,
  questions: readonly QuestionDefinition[],
  data: Record<string, unknown>,
  opts: { guidelines?: string; order?: Record<string, readonly string[]>; confidence?: boolean } = {},
): PromptMessage[] {
  const guidelines = boundedGuidelines(opts.guidelines ?? '');
  let system = INSTRUCTIONS;
  if (opts.confidence)
    system +=
      ' Also give "confidence": your estimate, from 0 to 1, that your answers are the ones a careful expert would give.';
  if (guidelines) system += `\n\n# The project's guidelines\n\n${guidelines}`;
  const fields = iface.fields
    .map((f) => fieldText(f, data, opts.order))
    .filter((t): t is string => t !== undefined);
  const user = [
    '# The item',
    fields.length > 0 ? fields.join('\n\n') : '(no fields)',
    '# The questions',
    questions.map((q) => questionText(q, data, opts.order)).join('\n\n'),
  ].join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
