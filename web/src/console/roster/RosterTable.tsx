import type { RosterPerson, RosterSort } from '../../../../core/api/roster.ts';
import { isolatedName } from '../../../../core/names.ts';
import { Name } from '../../ui/Name.tsx';
import { formatDuration, formatTime } from '../format.ts';
import { type RosterOrder, STATUS_LABELS } from './roster-query.ts';

const percent = (x: number) => `${Math.round(x * 100)} %`;

/** A column head that sorts the roster by it: a button, with aria-sort on the head. */
function SortHead(props: {
  label: string;
  sort: RosterSort;
  order: RosterOrder;
  onSort(o: RosterOrder): void;
}) {
  const active = props.order.sort === props.sort;
  const next: RosterOrder = {
    sort: props.sort,
    order: active && props.order.order === 'asc' ? 'desc' : 'asc',
  };
  return (
    <th
      scope="col"
      aria-sort={active ? (props.order.order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="sort-button" onClick={() => props.onSort(next)}>
        {props.label}
        <span aria-hidden="true">{active ? (props.order.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/**
 * The roster's rows (docs/roster.md): each person's standing, contract, skills and figures. Gold
 * accuracy shows its Wilson 95 % interval; agreement shows only with a project chosen.
 */
export function RosterTable(props: {
  people: readonly RosterPerson[];
  selfId: number;
  selected: ReadonlySet<number>;
  onSelect(id: number, on: boolean): void;
  order: RosterOrder;
  onSort(o: RosterOrder): void;
  withProject: boolean;
}) {
  const head = (label: string, sort: RosterSort) => (
    <SortHead label={label} sort={sort} order={props.order} onSort={props.onSort} />
  );
  return (
    <div className="table-wrap">
      <table className="roster-table">
        <caption className="visually-hidden">People</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
            {head('Name', 'name')}
            {head('Role', 'role')}
            {head('Status', 'status')}
            {head('Contract ends', 'contractEnd')}
            <th scope="col">Skills</th>
            {head('Items done', 'itemsDone')}
            {head('Active time', 'activeTime')}
            <th scope="col">Gold accuracy</th>
            <th scope="col">Agreement</th>
            {head('Last active', 'lastActive')}
            <th scope="col">Assessments</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr key={p.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select ${isolatedName(p.name)}`}
                  checked={props.selected.has(p.id)}
                  disabled={p.id === props.selfId}
                  onChange={(e) => props.onSelect(p.id, e.target.checked)}
                />
              </td>
              <th scope="row">
                <Name text={p.name} />
                {p.email && (
                  <div className="muted">
                    <Name text={p.email} />
                  </div>
                )}
              </th>
              <td>{p.role}</td>
              <td>
                <span className={`status status-${p.status === 'active' ? 'active' : 'suspended'}`}>
                  {STATUS_LABELS[p.status]}
                </span>
              </td>
              <td>
                {formatTime(p.contractEnd)}
                {p.contractStart && <div className="muted">from {formatTime(p.contractStart)}</div>}
              </td>
              <td>
                {p.skills.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  p.skills.map((s) => (
                    <div
                      key={s.skill}
                      title={`${s.source}${s.grantedBy ? ` by ${s.grantedBy}` : ''}, ${s.grantedAt}`}
                    >
                      <Name text={s.skill} /> {s.level} <span className="muted">({s.source})</span>
                    </div>
                  ))
                )}
              </td>
              <td className="num">{p.itemsDone.toLocaleString()}</td>
              <td className="num">{formatDuration(p.activeMs)}</td>
              <td className="num">
                {p.gold.accuracy === null ? (
                  <span className="muted">—</span>
                ) : (
                  <>
                    {percent(p.gold.accuracy)}
                    <div className="muted">
                      {percent(p.gold.interval.low)}–{percent(p.gold.interval.high)} of {p.gold.n}
                    </div>
                  </>
                )}
              </td>
              <td className="num">
                {!props.withProject ? (
                  <span className="muted" title="Choose a project to measure agreement">
                    —
                  </span>
                ) : p.agreement?.rate === null || !p.agreement ? (
                  <span className="muted">—</span>
                ) : (
                  <>
                    {percent(p.agreement.rate)}
                    <div className="muted">
                      {p.agreement.agreed} of {p.agreement.units}
                    </div>
                  </>
                )}
              </td>
              <td>{formatTime(p.lastActiveAt)}</td>
              <td>
                {p.assessments.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  p.assessments.map((a) => (
                    <div key={a.projectId} title={a.projectName}>
                      <Name text={a.skill} /> {a.level}: {a.status}
                      {a.score !== null && <span className="muted"> {percent(a.score)}</span>}
                    </div>
                  ))
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
