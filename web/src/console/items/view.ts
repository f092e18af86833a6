/**
 * The item browser's view (search, filters, sort) as it lives in the address bar, so a view can be
 * shared and survives a reload or Back: parsed from the URL's query, written back to it, and turned
 * into the list route's parameters. Pure: no React, no I/O.
 */

export const STATUSES = [
  'open',
  'in_progress',
  'complete',
  'awaiting',
  'skipped',
  'stranded',
  'waiting',
] as const;
export type Status = (typeof STATUSES)[number];
/** The review statuses the list filters on (docs/quality.md). */
export const REVIEW_STATUSES = ['awaiting_review', 'accepted', 'rejected', 'fixed', 'reworked'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const reviewLabels: Record<ReviewStatus, string> = {
  awaiting_review: 'Awaiting review',
  accepted: 'Accepted',
  rejected: 'Rejected',
  fixed: 'Fixed',
  reworked: 'Reworked',
};
export const SORTS = ['id', 'priority', 'createdAt', 'submitted', 'externalId', 'disagreement'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';

export const DATE_FILTERS = ['createdFrom', 'createdTo', 'submittedFrom', 'submittedTo'] as const;
export type DateFilter = (typeof DATE_FILTERS)[number];

export interface ItemsView {
  q: string;
  /** Only items whose external id starts with this (case-sensitive). */
  externalIdPrefix: string;
  status: Status | undefined;
  annotator: number | undefined;
  /** `QUESTION:VALUE` pairs, all of which must hold. */
  answer: string[];
  /** `KEY:VALUE` pairs, all of which must hold. */
  meta: string[];
  dates: Partial<Record<DateFilter, string>>;
  /** Only items with a submitted annotation that has an integrity flag. */
  flagged: boolean;
  /** Only items with an annotation in this review status. */
  review: ReviewStatus | undefined;
  /** Only items whose disagreement score is at least this (0..1, as typed); '' for any. */
  minDisagreement: string;
  sort: Sort;
  order: Order;
}

export const EMPTY_VIEW: ItemsView = {
  q: '',
  externalIdPrefix: '',
  status: undefined,
  annotator: undefined,
  answer: [],
  meta: [],
  dates: {},
  flagged: false,
  review: undefined,
  minDisagreement: '',
  sort: 'id',
  order: 'asc',
};

/** The most pairs of one kind the list accepts. */
export const MAX_PAIRS = 10;
const PAIR = /^[^:]+:/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  list.includes(v as T) ? (v as T) : undefined;

/** The view an address describes; anything malformed in it is left out rather than refused. */
export function viewFromQuery(query: URLSearchParams): ItemsView {
  const annotator = Number(query.get('annotator'));
  const dates: ItemsView['dates'] = {};
  for (const d of DATE_FILTERS) {
    const v = query.get(d);
    if (v && DAY.test(v)) dates[d] = v;
  }
  const pairs = (name: string) =>
    [...new Set(query.getAll(name).filter((p) => PAIR.test(p)))].slice(0, MAX_PAIRS);
  return {
    q: (query.get('q') ?? '').slice(0, 1000),
    externalIdPrefix: (query.get('externalIdPrefix') ?? '').slice(0, 200),
    status: oneOf(STATUSES, query.get('status')),
    annotator: Number.isSafeInteger(annotator) && annotator > 0 ? annotator : undefined,
    answer: pairs('answer'),
    meta: pairs('meta'),
    dates,
    flagged: query.get('flagged') === 'only',
    review: oneOf(REVIEW_STATUSES, query.get('review')),
    minDisagreement: disagreementBound(query.get('minDisagreement') ?? '') ?? '',
    sort: oneOf(SORTS, query.get('sort')) ?? 'id',
    order: query.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The address's query for a view (`?q=…&status=…`, or '' for the plain list); defaults are left out. */
export function queryOfView(view: ItemsView): string {
  const out = new URLSearchParams();
  if (view.q.trim()) out.set('q', view.q.trim());
  if (view.externalIdPrefix.trim()) out.set('externalIdPrefix', view.externalIdPrefix.trim());
  if (view.status) out.set('status', view.status);
  if (view.annotator !== undefined) out.set('annotator', String(view.annotator));
  for (const a of view.answer) out.append('answer', a);
  for (const m of view.meta) out.append('meta', m);
  for (const d of DATE_FILTERS) if (view.dates[d]) out.set(d, view.dates[d]);
  if (view.flagged) out.set('flagged', 'only');
  if (view.review) out.set('review', view.review);
  const bound = disagreementBound(view.minDisagreement);
  if (bound !== undefined) out.set('minDisagreement', bound);
  if (view.sort !== 'id') out.set('sort', view.sort);
  if (view.order !== 'asc') out.set('order', view.order);
  const text = out.toString();
  return text ? `?${text}` : '';
}

/** The list route's filters and sort for a view (the page's cursor and size are added by the caller). */
export function listFilters(view: ItemsView) {
  const q = view.q.trim();
  const prefix = view.externalIdPrefix.trim();
  return {
    sort: view.sort,
    order: view.order,
    ...(q ? { q } : {}),
    ...(prefix ? { externalIdPrefix: prefix } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(view.annotator !== undefined ? { annotator: view.annotator } : {}),
    ...(view.answer.length > 0 ? { answer: view.answer } : {}),
    ...(view.meta.length > 0 ? { meta: view.meta } : {}),
    ...view.dates,
    ...(view.flagged ? { flagged: 'only' as const } : {}),
    ...(view.review ? { review: view.review } : {}),
    ...(disagreementBound(view.minDisagreement) === undefined
      ? {}
      : { minDisagreement: Number(view.minDisagreement) }),
  };
}

/** A minimum disagreement as typed, if it is a number from 0 to 1 (trimmed); else undefined. */
export function disagreementBound(text: string): string | undefined {
  const t = text.trim();
  const n = Number(t);
  return t !== '' && n >= 0 && n <= 1 ? t : undefined;
}

/** Whether the view narrows the list (a sort alone does not). */
export const isFiltered = (view: ItemsView): boolean =>
  Boolean(view.q.trim()) ||
  Boolean(view.externalIdPrefix.trim()) ||
  view.status !== undefined ||
  view.annotator !== undefined ||
  view.answer.length > 0 ||
  view.meta.length > 0 ||
  DATE_FILTERS.some((d) => view.dates[d]) ||
  view.flagged ||
  view.review !== undefined ||
  disagreementBound(view.minDisagreement) !== undefined;

/** `name:value` for a pair filter (a name cannot hold a colon; the value may). */
export const pairOf = (name: string, value: string): string => `${name}:${value}`;
export function splitPair(pair: string): { name: string; value: string } {
  const at = pair.indexOf(':');
  return { name: pair.slice(0, at), value: pair.slice(at + 1) };
}

/** A view with one pair more (ignored when already there or at the limit). */
export function withPair(view: ItemsView, kind: 'answer' | 'meta', pair: string): ItemsView {
  const list = view[kind];
  if (!PAIR.test(pair) || list.includes(pair) || list.length >= MAX_PAIRS) return view;
  return { ...view, [kind]: [...list, pair] };
}

export const statusLabels: Record<Status, string> = {
  open: 'Open',
  in_progress: 'In progress',
  complete: 'Complete',
  awaiting: 'Awaiting candidates',
  skipped: 'Skipped by someone',
  stranded: 'Cannot complete with the current members',
  waiting: 'Waiting in the queue',
};

const dateLabels: Record<DateFilter, string> = {
  createdFrom: 'Imported from',
  createdTo: 'Imported until',
  submittedFrom: 'Submitted from',
  submittedTo: 'Submitted until',
};

/** One active filter, as a removable chip: its text, and the view without it. */
export interface Chip {
  key: string;
  label: string;
  without: ItemsView;
}

/** The view's active filters as chips, in the order of the filter form. */
export function chipsOf(view: ItemsView, annotatorName: (id: number) => string): Chip[] {
  const chips: Chip[] = [];
  if (view.q.trim()) chips.push({ key: 'q', label: `Text: “${view.q.trim()}”`, without: { ...view, q: '' } });
  if (view.externalIdPrefix.trim())
    chips.push({
      key: 'externalIdPrefix',
      label: `External id starts with “${view.externalIdPrefix.trim()}”`,
      without: { ...view, externalIdPrefix: '' },
    });
  if (view.status)
    chips.push({
      key: 'status',
      label: `Status: ${statusLabels[view.status]}`,
      without: { ...view, status: undefined },
    });
  if (view.annotator !== undefined)
    chips.push({
      key: 'annotator',
      label: `Annotator: ${annotatorName(view.annotator)}`,
      without: { ...view, annotator: undefined },
    });
  for (const kind of ['answer', 'meta'] as const) {
    for (const pair of view[kind]) {
      const { name, value } = splitPair(pair);
      chips.push({
        key: `${kind}:${pair}`,
        label: `${kind === 'answer' ? 'Answer' : 'Metadata'} ${name} = ${value}`,
        without: { ...view, [kind]: view[kind].filter((p) => p !== pair) },
      });
    }
  }
  for (const d of DATE_FILTERS) {
    const value = view.dates[d];
    if (!value) continue;
    const { [d]: _, ...rest } = view.dates;
    chips.push({ key: d, label: `${dateLabels[d]} ${value}`, without: { ...view, dates: rest } });
  }
  if (view.flagged)
    chips.push({ key: 'flagged', label: 'Flagged answers only', without: { ...view, flagged: false } });
  if (view.review)
    chips.push({
      key: 'review',
      label: `Review: ${reviewLabels[view.review]}`,
      without: { ...view, review: undefined },
    });
  const bound = disagreementBound(view.minDisagreement);
  if (bound !== undefined)
    chips.push({
      key: 'minDisagreement',
      label: `Disagreement at least ${bound}`,
      without: { ...view, minDisagreement: '' },
    });
  return chips;
}

/** The view without any filter, keeping its sort. */
export const cleared = (view: ItemsView): ItemsView => ({
  ...EMPTY_VIEW,
  sort: view.sort,
  order: view.order,
});

/** The sort a click on a column header asks for: the other direction if it is the sort already. */
export function sortedBy(view: ItemsView, sort: Sort): ItemsView {
  if (view.sort === sort) return { ...view, order: view.order === 'asc' ? 'desc' : 'asc' };
  // Bigger first is what one looks for in these; names and ids read from the start.
  const first: Order =
    sort === 'priority' || sort === 'submitted' || sort === 'createdAt' || sort === 'disagreement'
      ? 'desc'
      : 'asc';
  return { ...view, sort, order: first };
}

/** The most characters of an item's text shown in the list. */
export const PREVIEW_LENGTH = 200;

/**
 * A short plain-text preview of an item: the server's `preview` when it sends one, else the first
 * text among the item's data, whitespace collapsed, cut at PREVIEW_LENGTH code points.
 */
export function previewOf(item: { preview?: string | undefined; data: Record<string, unknown> }): string {
  const text = item.preview ?? Object.values(item.data).find((v): v is string => typeof v === 'string') ?? '';
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = [...flat];
  return points.length > PREVIEW_LENGTH ? `${points.slice(0, PREVIEW_LENGTH - 1).join('')}…` : flat;
}
