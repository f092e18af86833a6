import { type FormEvent, useState } from 'react';
import { INVITE_DEFAULT_HOURS, INVITE_MAX_HOURS, managerInviteRoles } from '../../../../core/api/invites.ts';
import { type Role, roles } from '../../../../core/api/users.ts';
import { call } from '../../api/client.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { Field } from '../Field.tsx';
import { apiPathErrors, messagesAt } from '../pathErrors.ts';
import { useLoad } from '../useLoad.ts';

/** A link just made: shown once (the server keeps only its hash). */
export interface MadeInvite {
  url: string;
  expiresAt: string;
  email: string | null;
}

interface Draft {
  email: string;
  role: Role;
  skills: { skill: string; level: 1 | 2 | 3 }[];
  projects: Map<number, Role>;
  contractStart: string;
  contractEnd: string;
  expiresInDays: number;
}
const empty = (): Draft => ({
  email: '',
  role: 'annotator',
  skills: [],
  projects: new Map(),
  contractStart: '',
  contractEnd: '',
  expiresInDays: INVITE_DEFAULT_HOURS / 24,
});

/** A date input's day as the start of that UTC day (the contract rule of docs/onboarding.md). */
const dayStart = (day: string, plusDays = 0) =>
  day ? new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000).toISOString() : null;

/**
 * Makes an invite link (docs/onboarding.md): an optional email, the role (managers: annotator or
 * reviewer), skills at levels, projects with a role each, an optional contract window by whole
 * UTC days (the end day included), and how many days the link works.
 */
export function InviteForm({ onMade }: { onMade(made: MadeInvite): void }) {
  const me = useUser();
  const [v, setV] = useState<Draft>(empty);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const projects = useLoad((signal) => call('listProjects', { query: { limit: 100 }, signal }), 'invite');
  const errors = apiPathErrors(error, 'body.');
  const allowed = me.role === 'admin' ? roles : managerInviteRoles;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const made = await call('createInvite', {
        body: {
          email: v.email.trim() || null,
          role: v.role,
          skills: Object.fromEntries(
            v.skills.filter((s) => s.skill.trim()).map((s) => [s.skill.trim(), s.level]),
          ),
          projects: [...v.projects].map(([projectId, role]) => ({ projectId, role })),
          contractStart: dayStart(v.contractStart),
          contractEnd: dayStart(v.contractEnd, 1),
          expiresInHours: Math.round(v.expiresInDays * 24),
        },
      });
      if (made) onMade({ url: made.url, expiresAt: made.expiresAt, email: made.email });
      setV(empty());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const setSkill = (i: number, change: Partial<Draft['skills'][number]>) =>
    setV({ ...v, skills: v.skills.map((s, j) => (j === i ? { ...s, ...change } : s)) });
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="invite-form-title">
      <h2 id="invite-form-title">Invite someone</h2>
      <div className="editor-grid">
        <Field
          label="Email (optional)"
          hint="Only this address may use the link."
          errors={messagesAt(errors, 'email')}
        >
          {(c) => (
            <input
              {...c}
              type="email"
              value={v.email}
              onChange={(e) => setV({ ...v, email: e.target.value })}
            />
          )}
        </Field>
        <Field label="Role" errors={messagesAt(errors, 'role')}>
          {(c) => (
            <select {...c} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as Role })}>
              {allowed.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Access from (UTC day, optional)" errors={messagesAt(errors, 'contractStart')}>
          {(c) => (
            <input
              {...c}
              type="date"
              value={v.contractStart}
              onChange={(e) => setV({ ...v, contractStart: e.target.value })}
            />
          )}
        </Field>
        <Field label="Access until (UTC day, included)" errors={messagesAt(errors, 'contractEnd')}>
          {(c) => (
            <input
              {...c}
              type="date"
              value={v.contractEnd}
              onChange={(e) => setV({ ...v, contractEnd: e.target.value })}
            />
          )}
        </Field>
        <Field label="Link works for (days)" errors={messagesAt(errors, 'expiresInHours')}>
          {(c) => (
            <input
              {...c}
              type="number"
              min={1}
              max={INVITE_MAX_HOURS / 24}
              value={v.expiresInDays}
              onChange={(e) => setV({ ...v, expiresInDays: Number(e.target.value) })}
            />
          )}
        </Field>
      </div>
      <fieldset className="stack-tight">
        <legend>Skills</legend>
        {v.skills.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only appended
          <div className="row" key={i}>
            <input
              aria-label={`Skill ${i + 1}`}
              placeholder="math.algebra"
              value={s.skill}
              onChange={(e) => setSkill(i, { skill: e.target.value })}
            />
            <select
              aria-label={`Level of skill ${i + 1}`}
              value={s.level}
              onChange={(e) => setSkill(i, { level: Number(e.target.value) as 1 | 2 | 3 })}
            >
              {[1, 2, 3].map((l) => (
                <option key={l} value={l}>{`level ${l}`}</option>
              ))}
            </select>
            <button type="button" onClick={() => setV({ ...v, skills: v.skills.filter((_, j) => j !== i) })}>
              Remove<span className="visually-hidden"> skill {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setV({ ...v, skills: [...v.skills, { skill: '', level: 1 }] })}>
          Add a skill
        </button>
        {messagesAt(errors, 'skills').map((m) => (
          <p key={m} className="error-text">
            {m}
          </p>
        ))}
      </fieldset>
      <fieldset className="stack-tight">
        <legend>Projects</legend>
        {(projects.data?.items ?? []).map((p) => {
          const role = v.projects.get(p.id);
          const toggle = (on: boolean) => {
            const next = new Map(v.projects);
            if (on) next.set(p.id, 'annotator');
            else next.delete(p.id);
            setV({ ...v, projects: next });
          };
          return (
            <div className="row" key={p.id}>
              <label>
                <input
                  type="checkbox"
                  checked={role !== undefined}
                  onChange={(e) => toggle(e.target.checked)}
                />{' '}
                <Name text={p.name} />
              </label>
              {role !== undefined && (
                <select
                  aria-label={`Role in project ${p.id}`}
                  value={role}
                  onChange={(e) =>
                    setV({ ...v, projects: new Map(v.projects).set(p.id, e.target.value as Role) })
                  }
                >
                  {allowed.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              )}
            </div>
          );
        })}
        {projects.data && projects.data.items.length === 0 && <p className="muted">No projects yet.</p>}
      </fieldset>
      <ErrorAlert error={error ?? projects.error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Making the link…' : 'Make invite link'}
      </button>
    </form>
  );
}
