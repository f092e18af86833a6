import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ANSWER_FILTER_TYPES } from '../../../../core/api/items.ts';
import type { Project } from '../../../../core/api/projects.ts';
import { NumberInput } from '../builder/inputs.tsx';
import { Field } from '../Field.tsx';
import {
  DATE_FILTERS,
  type DateFilter,
  type ItemsView,
  MAX_PAIRS,
  pairOf,
  REVIEW_STATUSES,
  type ReviewStatus,
  reviewLabels,
  STATUSES,
  type Status,
  statusLabels,
  withPair,
} from './view.ts';

type Question = Project['interface']['questions'][number];
export interface MemberOption {
  userId: number;
  label: string;
}

/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 300;

const dateLabels: Record<DateFilter, string> = {
  createdFrom: 'Imported from',
  createdTo: 'Imported until',
  submittedFrom: 'Submitted from',
  submittedTo: 'Submitted until',
};

/**
 * The browser's search box and filters. Every change goes straight to `onChange` (and from there
 * to the address bar), except typing in the search box, which waits for a pause.
 */
export function ItemFilters(props: {
  view: ItemsView;
  onChange(view: ItemsView): void;
  questions: readonly Question[];
  members: readonly MemberOption[];
}) {
  const { view, onChange } = props;
  return (
    <div className="stack-tight">
      <form
        aria-label="Search and filter items"
        className="row align-end filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <SearchBox label="Search item text" q={view.q} onSearch={(q) => onChange({ ...view, q })} />
        <SearchBox
          label="External id starts with"
          q={view.externalIdPrefix}
          onSearch={(externalIdPrefix) => onChange({ ...view, externalIdPrefix })}
        />
        <Field label="Status">
          {(c) => (
            <select
              {...c}
              value={view.status ?? ''}
              onChange={(e) =>
                onChange({ ...view, status: (e.target.value || undefined) as Status | undefined })
              }
            >
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Review">
          {(c) => (
            <select
              {...c}
              value={view.review ?? ''}
              onChange={(e) =>
                onChange({ ...view, review: (e.target.value || undefined) as ReviewStatus | undefined })
              }
            >
              <option value="">Any review</option>
              {REVIEW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {reviewLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Annotator">
          {(c) => (
            <select
              {...c}
              value={view.annotator ?? ''}
              onChange={(e) =>
                onChange({ ...view, annotator: e.target.value ? Number(e.target.value) : undefined })
              }
            >
              <option value="">Anyone</option>
              {props.members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {DATE_FILTERS.map((d) => (
          <Field key={d} label={dateLabels[d]}>
            {(c) => (
              <input
                {...c}
                type="date"
                value={view.dates[d] ?? ''}
                onChange={(e) => {
                  const { [d]: _, ...rest } = view.dates;
                  onChange({ ...view, dates: e.target.value ? { ...rest, [d]: e.target.value } : rest });
                }}
              />
            )}
          </Field>
        ))}
        <label className="row filter-check">
          <input
            type="checkbox"
            checked={view.flagged}
            onChange={(e) => onChange({ ...view, flagged: e.target.checked })}
          />
          Flagged answers only
        </label>
        <NumberInput
          label="Disagreement at least (0 to 1)"
          min={0}
          max={1}
          step={0.1}
          value={view.minDisagreement}
          onChange={(minDisagreement) => onChange({ ...view, minDisagreement })}
        />
      </form>
      <div className="row align-end filters">
        <AnswerFilter
          view={view}
          onChange={onChange}
          questions={props.questions.filter((q) => ANSWER_FILTER_TYPES.includes(q.type))}
        />
        <MetaFilter view={view} onChange={onChange} />
      </div>
    </div>
  );
}

/** The search box: runs after a pause in typing, or at once on Enter; follows the address on Back. */
function SearchBox({ label, q, onSearch }: { label: string; q: string; onSearch(q: string): void }) {
  const [typed, setTyped] = useState(q);
  const sent = useRef(q);
  const search = useRef(onSearch);
  search.current = onSearch;
  useEffect(() => {
    // A change that did not come from typing here (Back, a removed chip): show it.
    if (q !== sent.current) {
      sent.current = q;
      setTyped(q);
    }
  }, [q]);
  useEffect(() => {
    if (typed === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = typed;
      search.current(typed);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  return (
    <Field label={label}>
      {(c) => (
        <input
          {...c}
          type="search"
          value={typed}
          maxLength={1000}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && typed !== sent.current) {
              sent.current = typed;
              onSearch(typed);
            }
          }}
        />
      )}
    </Field>
  );
}

/** The values a question's answers can be picked from, or undefined when they are typed. */
function choicesOf(q: Question): string[] | undefined {
  if (q.type === 'choice' || q.type === 'multi_choice') return [...q.options];
  if (q.type === 'spans') return [...q.labels];
  if (q.type === 'rating' && q.max - q.min <= 20)
    return Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i));
  return undefined;
}

/** Adds an "answer is" filter: a question of the interface and one of its values. */
function AnswerFilter(props: {
  view: ItemsView;
  onChange(view: ItemsView): void;
  questions: readonly Question[];
}) {
  const [name, setName] = useState(props.questions[0]?.name ?? '');
  const [value, setValue] = useState('');
  const question = props.questions.find((q) => q.name === name);
  if (!question) return null;
  const choices = choicesOf(question);
  const full = props.view.answer.length >= MAX_PAIRS;
  const add = (e: FormEvent) => {
    e.preventDefault();
    const picked = value || choices?.[0] || '';
    if (!picked) return;
    props.onChange(withPair(props.view, 'answer', pairOf(name, picked)));
    setValue('');
  };
  return (
    <form className="row align-end" aria-label="Filter by answer" onSubmit={add}>
      <Field label="Question">
        {(c) => (
          <select
            {...c}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setValue('');
            }}
          >
            {props.questions.map((q) => (
              <option key={q.name} value={q.name}>
                {q.label ?? q.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Answer">
        {(c) =>
          choices ? (
            <select {...c} value={value || choices[0]} onChange={(e) => setValue(e.target.value)}>
              {choices.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          ) : (
            <input
              {...c}
              type="text"
              value={value}
              maxLength={200}
              onChange={(e) => setValue(e.target.value)}
            />
          )
        }
      </Field>
      <button type="submit" disabled={full}>
        Add answer filter
      </button>
    </form>
  );
}

/** Adds a "metadata key is value" filter. */
function MetaFilter(props: { view: ItemsView; onChange(view: ItemsView): void }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    const k = key.trim();
    if (!k || k.includes(':')) return;
    props.onChange(withPair(props.view, 'meta', pairOf(k, value.trim())));
    setKey('');
    setValue('');
  };
  return (
    <form className="row align-end" aria-label="Filter by metadata" onSubmit={add}>
      <Field label="Metadata key">
        {(c) => (
          <input {...c} type="text" value={key} maxLength={100} onChange={(e) => setKey(e.target.value)} />
        )}
      </Field>
      <Field label="Metadata value">
        {(c) => (
          <input
            {...c}
            type="text"
            value={value}
            maxLength={200}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <button
        type="submit"
        disabled={!key.trim() || key.includes(':') || props.view.meta.length >= MAX_PAIRS}
      >
        Add metadata filter
      </button>
    </form>
  );
}
