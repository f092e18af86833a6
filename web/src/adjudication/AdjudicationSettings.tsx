import { useEffect, useState } from 'react';
import type { Project } from '../../../core/api/projects.ts';
import { call } from '../api/client.ts';
import { CheckInput, NumberInput } from '../console/builder/inputs.tsx';
import { messagesAt } from '../console/pathErrors.ts';
import { useProjectSave } from '../console/project/useProjectSave.ts';
import { Name } from '../ui/Name.tsx';
import { SaveControls } from '../ui/SaveControls.tsx';

type Member = { userId: number; label: string; role: string };

/** Both bars are scores from 0 to 1. */
const SCORE = { min: 0, max: 1, step: 'any' } as const;

/**
 * The project's adjudication setting (docs/quality.md, "Adjudication"): on or off, the disagreement
 * threshold, the optional confidence bar, and which members adjudicate besides its managers. The
 * server checks the values and names the field of a bad one.
 */
export function AdjudicationSettings({ project, onSaved }: { project: Project; onSaved(p: Project): void }) {
  const before = project.adjudication;
  const [on, setOn] = useState(before !== null);
  const [threshold, setThreshold] = useState(String(before?.threshold ?? 0.5));
  const [bar, setBar] = useState(before?.confidenceBelow == null ? '' : String(before.confidenceBelow));
  const [chosen, setChosen] = useState<number[]>(before?.adjudicators ?? []);
  const [members, setMembers] = useState<Member[]>([]);
  const { errors, error, notice, submit } = useProjectSave(project, onSaved);
  useEffect(() => {
    const controller = new AbortController();
    call('listMembers', { params: { projectId: project.id }, signal: controller.signal })
      .then((page) =>
        setMembers(
          (page?.items ?? [])
            .filter((m) => m.kind !== 'model')
            .map((m) => ({ userId: m.userId, label: m.email ?? m.name, role: m.role })),
        ),
      )
      .catch(() => setMembers([]));
    return () => controller.abort();
  }, [project.id]);

  const save = submit(() => {
    const adjudication = on
      ? {
          threshold: Number(threshold),
          confidenceBelow: bar.trim() === '' ? null : Number(bar),
          adjudicators: chosen,
        }
      : null;
    return { ok: true, value: { adjudication } };
  }, 'Adjudication settings saved.');
  const toggle = (userId: number, yes: boolean) =>
    setChosen(yes ? [...chosen, userId] : chosen.filter((id) => id !== userId));
  return (
    <section className="stack" aria-labelledby="adjudication-settings-title">
      <h2 id="adjudication-settings-title">Adjudication</h2>
      <p className="muted">
        Items the annotators disagree on go to a queue where an adjudicator records the final answer, exported
        as <code>"final"</code>.
      </p>
      <form className="stack" onSubmit={save} noValidate>
        <CheckInput label="Send disputed items to adjudication" checked={on} onChange={setOn} />
        {on && (
          <>
            <div className="editor-grid">
              <NumberInput
                label="Disagreement at least (0–1)"
                hint="0 when everyone agrees, 1 when every pair of answers differs."
                path="adjudication.threshold"
                errors={messagesAt(errors, 'adjudication.threshold')}
                {...SCORE}
                value={threshold}
                onChange={setThreshold}
              />
              <NumberInput
                label="Or majority confidence below (0–1, optional)"
                hint="Two of three annotators agreeing is 0.67."
                path="adjudication.confidenceBelow"
                errors={messagesAt(errors, 'adjudication.confidenceBelow')}
                {...SCORE}
                value={bar}
                onChange={setBar}
              />
            </div>
            <fieldset className="stack-tight">
              <legend>Adjudicators, besides the project's managers</legend>
              {members.map((m) => (
                <label key={m.userId} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(m.userId)}
                    onChange={(e) => toggle(m.userId, e.target.checked)}
                  />
                  <Name text={m.label} /> <span className="muted">({m.role})</span>
                </label>
              ))}
              {members.length === 0 && <p className="muted">The project has no members yet.</p>}
            </fieldset>
          </>
        )}
        <SaveControls label="Save adjudication settings" error={error} notice={notice} />
      </form>
    </section>
  );
}
