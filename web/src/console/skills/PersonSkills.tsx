import { type FormEvent, useState } from 'react';
import type { UserSkills } from '../../../../core/api/skills.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { formatTime } from '../format.ts';
import { parseRequirements } from './skills-text.ts';

const SOURCES = {
  granted: 'granted',
  assessment: 'earned in an assessment',
  invite: 'by invite',
  import: 'by import',
};

/** One person's skills by email: each with its source and date; grant, change, revoke. */
export function PersonSkills({ onChanged }: { onChanged(): void }) {
  const [email, setEmail] = useState('');
  const [held, setHeld] = useState<UserSkills | null>(null);
  const [grants, setGrants] = useState('');
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = async (run: () => Promise<UserSkills | null | undefined>) => {
    setError(null);
    try {
      const out = await run();
      if (out) setHeld(out);
    } catch (err) {
      setError(err);
    }
  };
  const find = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const wanted = email.trim().toLowerCase();
      const found = await call('listUsers', { query: { q: wanted, limit: 50 } });
      const user = found?.items.find((u) => u.email === wanted);
      if (!user) throw new Error(`No account has the email ${wanted}.`);
      return call('userSkills', { params: { userId: user.id } });
    });
  };
  const grant = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseRequirements(grants);
    setProblem(parsed.ok ? '' : parsed.message);
    if (!parsed.ok || !held) return;
    void act(async () => {
      const out = await call('grantSkills', {
        params: { userId: held.userId },
        body: { skills: parsed.value },
      });
      setGrants('');
      onChanged();
      return out;
    });
  };
  return (
    <section className="card stack-tight" aria-labelledby="person-skills-title">
      <h2 id="person-skills-title">A person's skills</h2>
      <form className="editor-grid" onSubmit={find} noValidate>
        <Field label="Email" errors={[]} path="email">
          {(c) => <input {...c} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <button type="submit">Show</button>
      </form>
      <ErrorAlert error={error} />
      {held && (
        <>
          <ul data-testid="person-skills">
            {held.items.length === 0 && <li className="muted">No skills yet.</li>}
            {held.items.map((s) => (
              <li key={s.skill}>
                <code>{s.skill}</code> at level {s.level}, {SOURCES[s.source]}
                {s.grantedBy ? ` by ${s.grantedBy.label}` : ''} on {formatTime(s.grantedAt)}{' '}
                <button
                  type="button"
                  onClick={() =>
                    void act(async () => {
                      const out = await call('revokeSkill', {
                        params: { userId: held.userId, name: s.skill },
                      });
                      onChanged();
                      return out;
                    })
                  }
                >
                  Revoke {s.skill}
                </button>
              </li>
            ))}
          </ul>
          <form className="editor-grid" onSubmit={grant} noValidate>
            <Field label="Grant (name:level, …)" errors={problem ? [problem] : []} path="skills">
              {(c) => (
                <input
                  {...c}
                  value={grants}
                  placeholder="math.algebra:2"
                  onChange={(e) => setGrants(e.target.value)}
                />
              )}
            </Field>
            <button type="submit">Grant</button>
          </form>
        </>
      )}
    </section>
  );
}
