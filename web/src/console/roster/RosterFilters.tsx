import { useState } from 'react';
import { RosterStatus } from '../../../../core/api/roster.ts';
import { EMPTY_FORM, type RosterForm, STATUS_LABELS } from './roster-query.ts';

/**
 * The roster's filters (docs/roster.md): edited here, applied together by "Apply filters" (or
 * Enter), cleared by "Clear". Dates are UTC days: "before" means before that day starts.
 */
export function RosterFilters(props: {
  applied: RosterForm;
  projects: readonly { id: number; name: string }[];
  onApply(form: RosterForm): void;
}) {
  const [f, setF] = useState<RosterForm>(props.applied);
  const set = <K extends keyof RosterForm>(key: K, value: RosterForm[K]) => setF({ ...f, [key]: value });
  const date = (key: keyof RosterForm, label: string) => (
    <label>
      {label}{' '}
      <input type="date" value={f[key] as string} onChange={(e) => set(key, e.target.value as never)} />
    </label>
  );
  return (
    <form
      className="card stack-tight"
      aria-label="Roster filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(f);
      }}
    >
      <div className="row">
        <label>
          Name or email <input type="search" value={f.q} onChange={(e) => set('q', e.target.value)} />
        </label>
        <label>
          Skill{' '}
          <input
            value={f.skill}
            placeholder="math.algebra"
            onChange={(e) => set('skill', e.target.value)}
            aria-describedby="roster-skill-rule"
          />
        </label>
        <label>
          At level{' '}
          <select
            value={f.minLevel}
            disabled={f.skill.trim() === ''}
            onChange={(e) => set('minLevel', e.target.value as RosterForm['minLevel'])}
          >
            <option value="">1 or more</option>
            <option value="2">2 or more</option>
            <option value="3">3</option>
          </select>
        </label>
        <label>
          Project{' '}
          <select value={f.project} onChange={(e) => set('project', e.target.value)}>
            <option value="">Any</option>
            {props.projects.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id="roster-skill-rule" className="muted">
        A skill held higher up covers its children: math at 2 counts for math.algebra at 2, unless
        math.algebra itself is held at another level.
      </p>
      <fieldset className="row">
        <legend>Status</legend>
        {RosterStatus.options.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={f.status.includes(s)}
              onChange={(e) =>
                set('status', e.target.checked ? [...f.status, s] : f.status.filter((x) => x !== s))
              }
            />{' '}
            {STATUS_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <div className="row">
        {date('contractEndAfter', 'Contract ends on or after')}
        {date('contractEndBefore', 'Contract ends before')}
        {date('lastActiveSince', 'Last active since')}
        {date('lastActiveBefore', 'Not active since')}
      </div>
      <div className="row">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button
          type="button"
          onClick={() => {
            setF(EMPTY_FORM);
            props.onApply(EMPTY_FORM);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
