import { type FormEvent, useState } from 'react';
import { skillNameProblem } from '../../../../core/skills.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { useLoad } from '../useLoad.ts';

/** The catalogue with how many hold each skill, and a form to add one (admins and managers). */
export function SkillCatalogue({ round, onChanged }: { round: number; onChanged(): void }) {
  const list = useLoad((signal) => call('listSkills', { signal }), `catalogue:${round}`);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const wrong = skillNameProblem(name.trim());
    setProblem(wrong ? `The name ${wrong}.` : '');
    if (wrong) return;
    try {
      await call('createSkill', { body: { name: name.trim(), description } });
      setName('');
      setDescription('');
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card stack-tight" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">Catalogue</h2>
      <p className="muted">
        Names are dotted paths such as <code>math.algebra</code>; holding <code>math</code> covers its
        children unless a child is held at its own level.
      </p>
      <ErrorAlert error={list.error} />
      <div className="table-wrap">
        <table className="annotator-table" data-testid="skill-catalogue">
          <caption className="visually-hidden">The skills catalogue</caption>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Held by
              </th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((s) => (
              <tr key={s.name}>
                <th scope="row">
                  <code>{s.name}</code>
                </th>
                <td>{s.description}</td>
                <td className="num">{s.holders.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="editor-grid" onSubmit={add} noValidate>
        <Field label="New skill" errors={problem ? [problem] : []} path="name">
          {(c) => (
            <input {...c} value={name} placeholder="lang.fr" onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label="Description" errors={[]} path="description">
          {(c) => <input {...c} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <button type="submit">Add skill</button>
      </form>
      <ErrorAlert error={error} />
    </section>
  );
}
