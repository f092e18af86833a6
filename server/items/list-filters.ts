import type { z } from 'zod';
import { ANSWER_FILTER_TYPES, dateBound, type ListItemsQuery } from '../../core/api/items.ts';
import type { InterfaceDefinition } from '../../core/interface/index.ts';
import { AppError } from '../http/errors.ts';
import type { AnswerMatch, ItemConditions, MetaMatch } from './item-filters.repository.ts';

type ListParams = z.output<typeof ListItemsQuery>;

/**
 * The list's answer, meta and date parameters as the conditions the repository applies. An
 * answer filter names a question of the project's interface, and its value must fit the
 * question's type (a number for rating and number questions); anything else is a 400 naming the
 * parameter.
 */
export function listFilters(
  iface: InterfaceDefinition,
  params: ListParams,
): Pick<
  ItemConditions,
  'answers' | 'meta' | 'created' | 'submitted' | 'flagged' | 'review' | 'minDisagreement'
> {
  const bound = (text: string | undefined, side: 'from' | 'to') =>
    text === undefined ? undefined : (dateBound(text, side) ?? undefined);
  return {
    answers: (params.answer ?? []).map((pair) => answerMatch(iface, pair)),
    meta: (params.meta ?? []).map(metaMatch),
    created: { from: bound(params.createdFrom, 'from'), to: bound(params.createdTo, 'to') },
    submitted: { from: bound(params.submittedFrom, 'from'), to: bound(params.submittedTo, 'to') },
    flagged: params.flagged === 'only',
    review: params.review,
    minDisagreement: params.minDisagreement,
  };
}

const split = (pair: string): [string, string] => {
  const at = pair.indexOf(':');
  return [pair.slice(0, at), pair.slice(at + 1)];
};

function answerMatch(iface: InterfaceDefinition, pair: string): AnswerMatch {
  const [question, value] = split(pair);
  const q = iface.questions.find((x) => x.name === question);
  if (!q) {
    const names = iface.questions.map((x) => x.name).join(', ');
    throw badParameter('answer', `no question named "${question}"; the questions are: ${names}`);
  }
  switch (q.type) {
    case 'choice':
      return { question, kind: 'equals-text', value };
    case 'multi_choice':
      return { question, kind: 'has-option', value };
    case 'spans':
      return { question, kind: 'has-span-label', value };
    case 'text':
      return { question, kind: 'contains-text', value };
    case 'rating':
    case 'number': {
      const n = value.trim() === '' ? Number.NaN : Number(value);
      if (!Number.isFinite(n)) {
        throw badParameter('answer', `"${question}" is a ${q.type} question: its value must be a number`);
      }
      return { question, kind: 'equals-number', value: n };
    }
    default:
      throw badParameter(
        'answer',
        `"${question}" is a ${q.type} question; answer filters work on ${ANSWER_FILTER_TYPES.slice(0, -1).join(', ')} and ${ANSWER_FILTER_TYPES.at(-1)} questions`,
      );
  }
}

function metaMatch(pair: string): MetaMatch {
  const [key, value] = split(pair);
  return { key, value };
}

const badParameter = (name: string, message: string) =>
  new AppError('VALIDATION_FAILED', `query.${name}: ${message}`, [{ path: `query.${name}`, message }]);
