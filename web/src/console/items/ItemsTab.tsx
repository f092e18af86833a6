import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { isolatedName } from '../../../../core/names.ts';
import { call } from '../../api/client.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Pager } from '../Pager.tsx';
import { useCursorPages } from '../useCursorPages.ts';
import { useLoad } from '../useLoad.ts';
import { BulkBar, type BulkOutcome } from './BulkBar.tsx';
import { FilterChips } from './FilterChips.tsx';
import { ItemFilters, type MemberOption } from './ItemFilters.tsx';
import { ItemsTable, type Selection } from './ItemsTable.tsx';
import {
  chipsOf,
  cleared,
  type ItemsView,
  isFiltered,
  listFilters,
  queryOfView,
  sortedBy,
  viewFromQuery,
} from './view.ts';
import './items.css';

const PAGE = 50;

/**
 * The item browser. Its view (search, filters, sort) lives in the address, so it can be shared and
 * comes back on reload and Back (view.ts); each change is a new history entry. The server pages by
 * keyset, so the thousandth page of a million items loads as fast as the first.
 */
export function ItemsTab({ project, manage }: { project: Project; manage: boolean }) {
  const { query } = useLocation();
  const search = query.toString();
  const view = useMemo(() => viewFromQuery(new URLSearchParams(search)), [search]);
  const path = `/projects/${project.id}/items`;
  const setView = useCallback((next: ItemsView) => navigate(path + queryOfView(next)), [path]);
  const members = useLoad(
    (signal) => call('listMembers', { params: { projectId: project.id }, signal }),
    String(project.id),
  );
  const memberOptions: MemberOption[] = (members.data?.items ?? []).map((m) => ({
    userId: m.userId,
    label: m.email && m.email !== m.name ? `${isolatedName(m.name)} (${m.email})` : isolatedName(m.name),
  }));
  const annotatorName = (id: number) => memberOptions.find((m) => m.userId === id)?.label ?? `user #${id}`;
  return (
    <section className="stack" aria-labelledby="items-title">
      <h2 id="items-title">Items</h2>
      <ItemFilters
        view={view}
        onChange={setView}
        questions={project.interface.questions}
        members={memberOptions}
      />
      <FilterChips
        chips={chipsOf(view, annotatorName)}
        onChange={setView}
        onClearAll={() => setView(cleared(view))}
      />
      {/* A new view starts at its first page, with nothing selected. */}
      <Results key={queryOfView(view)} project={project} manage={manage} view={view} onView={setView} />
    </section>
  );
}

function Results(props: {
  project: Project;
  manage: boolean;
  view: ItemsView;
  onView(view: ItemsView): void;
}) {
  const { project, view } = props;
  const pages = useCursorPages();
  const query = { ...listFilters(view), limit: PAGE, ...(pages.cursor ? { cursor: pages.cursor } : {}) };
  const list = useLoad(
    (signal) => call('listItems', { params: { projectId: project.id }, query, signal }),
    JSON.stringify([project.id, query]),
  );
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The bar an action was started from may be gone (a deletion empties the selection): the
    // sentence saying what happened takes the focus.
    if (outcome) said.current?.focus();
  }, [outcome]);

  const selection: Selection = {
    has: (id) => selected.has(id),
    toggle: (id) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    setPage: (ids, on) =>
      setSelected((s) => {
        const next = new Set(s);
        for (const id of ids) on ? next.add(id) : next.delete(id);
        return next;
      }),
  };
  const done = (o: BulkOutcome) => {
    if (o.emptied) setSelected(new Set());
    setOutcome(o);
    list.reload();
  };
  const rows = list.data?.items ?? [];
  const ids = [...selected].sort((a, b) => a - b);
  return (
    <>
      {outcome && (
        <p role="status" className="alert alert-ok" tabIndex={-1} ref={said}>
          {outcome.message}
        </p>
      )}
      {ids.length > 0 && (
        <BulkBar
          projectId={project.id}
          ids={ids}
          manage={props.manage}
          onDone={done}
          onClear={() => setSelected(new Set())}
        />
      )}
      <ErrorAlert error={list.error} />
      <p role="status" className="muted">
        {list.loading ? 'Loading items…' : list.data && rows.length === 0 ? emptyText(view, pages.page) : ''}
      </p>
      {!list.loading && list.data && rows.length === 0 && isFiltered(view) && (
        <p>
          <button type="button" onClick={() => props.onView(cleared(view))}>
            Show every item
          </button>
        </p>
      )}
      {rows.length > 0 && (
        <ItemsTable
          rows={rows}
          view={view}
          onSort={(sort) => props.onView(sortedBy(view, sort))}
          selection={selection}
        />
      )}
      <Pager
        label="Item pages"
        page={pages.page}
        nextCursor={list.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
    </>
  );
}

function emptyText(view: ItemsView, page: number): string {
  if (page > 1) return 'No more items on this page; go back a page.';
  if (isFiltered(view)) return 'No items match these filters.';
  return 'This project has no items yet; import some from the Import tab.';
}
