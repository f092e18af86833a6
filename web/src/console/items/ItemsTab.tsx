import { type FormEvent, useState } from 'react';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { Pager } from '../Pager.tsx';
import { useCursorPages } from '../useCursorPages.ts';
import { useLoad } from '../useLoad.ts';
import { ItemsTable } from './ItemsTable.tsx';

type Status = '' | 'open' | 'in_progress' | 'complete' | 'skipped' | 'stranded';
const PAGE = 50;

/**
 * The item browser. Filters and order go to the server, which pages by id (keyset), so the
 * thousandth page of a million items loads as fast as the first.
 */
export function ItemsTab({ projectId, overlap }: { projectId: number; overlap: number }) {
  const [status, setStatus] = useState<Status>('');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [prefix, setPrefix] = useState('');
  const [typed, setTyped] = useState('');
  const pages = useCursorPages();
  const query = {
    limit: PAGE,
    order,
    ...(status ? { status } : {}),
    ...(prefix ? { externalIdPrefix: prefix } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  };
  const list = useLoad(
    (signal) => call('listItems', { params: { projectId }, query, signal }),
    JSON.stringify([projectId, query]),
  );
  const refilter = (apply: () => void) => {
    apply();
    pages.reset();
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    refilter(() => setPrefix(typed.trim()));
  };
  const rows = list.data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="items-title">
      <h2 id="items-title">Items</h2>
      <form className="row align-end" onSubmit={search} aria-label="Filter items">
        <Field label="Status">
          {(c) => (
            <select
              {...c}
              value={status}
              onChange={(e) => refilter(() => setStatus(e.target.value as Status))}
            >
              <option value="">Any status</option>
              <option value="open">Open</option>
              <option value="in_progress">In progress</option>
              <option value="complete">Complete</option>
              <option value="skipped">Skipped by someone</option>
              <option value="stranded">Cannot complete with the current members</option>
            </select>
          )}
        </Field>
        <Field label="Order">
          {(c) => (
            <select
              {...c}
              value={order}
              onChange={(e) => refilter(() => setOrder(e.target.value as 'asc' | 'desc'))}
            >
              <option value="asc">Import order, oldest first</option>
              <option value="desc">Import order, newest first</option>
            </select>
          )}
        </Field>
        <Field label="External id starts with">
          {(c) => <input {...c} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </Field>
        <button type="submit">Search</button>
      </form>
      <ErrorAlert error={list.error} />
      <p role="status" className="muted">
        {list.loading ? 'Loading items…' : list.data && rows.length === 0 ? 'No items match.' : ''}
      </p>
      {rows.length > 0 && <ItemsTable rows={rows} overlap={overlap} />}
      <Pager
        label="Item pages"
        page={pages.page}
        nextCursor={list.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
    </section>
  );
}
