import { useCallback, useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { AdjudicationCase } from '../../../core/api/adjudication.ts';
import { isolatedName } from '../../../core/names.ts';
import { AdjudicationBar } from '../adjudication/AdjudicationBar.tsx';
import { AnswerComparison } from '../adjudication/AnswerComparison.tsx';
import { adjudicationCommandFor } from '../adjudication/keys.ts';
import { call } from '../api/client.ts';
import { Link, useTitle } from '../app/router.tsx';
import { AnnotationForm, questionFields } from '../editors/AnnotationForm.tsx';
import { ItemFields, preloadRenderersFor } from '../render/ItemFields.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import { Name } from '../ui/Name.tsx';
import type { Project } from '../work/api.ts';
import { focusKind } from '../work/focus-kind.ts';
import { Guidelines } from '../work/Guidelines.tsx';
import '../editors/editors.css';
import '../editors/tutoring.css';
import '../adjudication/adjudication.css';

type Case = z.output<typeof AdjudicationCase>;
type Answers = Record<string, unknown>;
type State =
  | { kind: 'loading' }
  | { kind: 'case'; case: Case }
  | { kind: 'empty' }
  | { kind: 'failed'; error: unknown };

/**
 * Adjudication (docs/quality.md): a disputed item with every annotator's answer side by side, the
 * differences marked, and the final answer started from one annotator's (keys 1–9) and edited;
 * Ctrl+Enter records it, Esc discards it, S skips the item. Without `itemId` it works the queue
 * (each decision takes the next); with one (from the item browser) it opens that item.
 */
export function Adjudicate({ projectId, itemId }: { projectId: number; itemId?: number }) {
  const [project, setProject] = useState<Project>();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [final, setFinal] = useState<Answers | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [decided, setDecided] = useState(0);
  useTitle(project ? `Adjudicate · ${isolatedName(project.name)}` : 'Adjudicate');

  const load = useCallback(async () => {
    setFinal(null);
    setNote('');
    setError(undefined);
    try {
      const got =
        itemId === undefined
          ? await call('nextAdjudication', { params: { projectId } })
          : await call('getAdjudication', { params: { projectId, itemId } });
      setState(got ? { kind: 'case', case: got } : { kind: 'empty' });
    } catch (e) {
      setState({ kind: 'failed', error: e });
    }
  }, [projectId, itemId]);

  useEffect(() => {
    void call('getProject', { params: { projectId } })
      .then(preloadRenderersFor)
      .then((p) => p && setProject(p))
      .catch((e: unknown) => setState({ kind: 'failed', error: e }));
    void load();
  }, [projectId, load]);

  const current = state.kind === 'case' ? state.case : undefined;
  const open = current !== undefined && current.final === null;
  const act = useCallback(
    async (what: 'record' | 'skip') => {
      if (!current || busy) return;
      setBusy(true);
      setError(undefined);
      const params = { projectId, itemId: current.item.id };
      try {
        if (what === 'record') {
          const body = { answers: final ?? {}, ...(note.trim() === '' ? {} : { note }) };
          const done = await call('decideAdjudication', { params, body });
          setDecided((n) => n + 1);
          if (itemId !== undefined && done) {
            setFinal(null);
            setState({ kind: 'case', case: done });
          } else await load();
        } else {
          await call('releaseAdjudication', { params, body: { skip: true } });
          await load();
        }
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [current, busy, projectId, itemId, final, note, load],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || !current || !open || busy) return;
      const c = adjudicationCommandFor(e, focusKind(document.activeElement), {
        editing: final !== null,
        answers: current.answers.length,
      });
      if (!c) return;
      e.preventDefault();
      if (c.kind === 'startFrom') setFinal(current.answers[c.index]?.answers ?? {});
      else if (c.kind === 'discard') setFinal(null);
      else if (c.kind === 'record') void act('record');
      else if (itemId === undefined) void act('skip');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, open, busy, final, act, itemId]);

  const omit = useMemo(() => (project ? questionFields(project.interface) : undefined), [project]);
  const back = <Link to={`/projects/${projectId}`}>Back to the project</Link>;
  if (state.kind === 'failed')
    return (
      <main id="main" className="annotate-message stack">
        <h1>Adjudicate</h1>
        <ErrorAlert error={state.error} />
        {back}
      </main>
    );
  if (state.kind === 'empty')
    return (
      <main id="main" className="annotate-message stack">
        <h1>Nothing to adjudicate</h1>
        <p>
          No disputed item in {project ? <Name text={project.name} /> : 'this project'} waits for a final
          answer right now.{decided > 0 && ` You decided ${decided.toLocaleString()} in this session.`}
        </p>
        <p className="row">
          <button type="button" onClick={() => void load()}>
            Look again
          </button>
          {back}
        </p>
      </main>
    );
  if (!current || !project || !omit)
    return (
      <main id="main" className="annotate-message" aria-busy="true">
        <h1 className="visually-hidden">Adjudicate</h1>
        <p className="loading">Loading the next disputed item…</p>
      </main>
    );
  const itemName = current.item.externalId ?? `#${current.item.id}`;
  return (
    <div className="annotate" data-testid="adjudication-view">
      <AdjudicationBar
        project={project}
        case={current}
        editing={final !== null}
        busy={busy}
        queue={itemId === undefined}
        onStart={(i) => setFinal(current.answers[i]?.answers ?? {})}
        onDiscard={() => setFinal(null)}
        onRecord={() => void act('record')}
        onSkip={() => void act('skip')}
      />
      <div className="annotate-notices">
        <ErrorAlert error={error} />
      </div>
      <div className="annotate-body">
        <Guidelines source={project.guidelines} />
        <main id="main" className="annotate-main stack" tabIndex={-1}>
          <h1 className="visually-hidden">Adjudicate item {itemName}</h1>
          <ItemFields
            iface={project.interface}
            data={current.item.data}
            omit={omit}
            level={2}
            itemId={current.item.id}
          />
          <AnswerComparison iface={project.interface} case={current} />
          <section className="adjudication-final stack-tight" aria-labelledby="final-title">
            <h2 id="final-title">Final answer</h2>
            {current.final ? (
              <p data-testid="adjudication-decided">
                Recorded by <Name text={current.final.adjudicator} />
                {current.final.note && <>: “{current.final.note}”</>}
              </p>
            ) : final === null ? (
              <p className="muted">
                Start from an annotator's answer (keys 1–{current.answers.length}) and edit it.
              </p>
            ) : null}
            {(current.final || final) && (
              <AnnotationForm
                key={`${current.item.id}-${current.final ? 'final' : 'edit'}`}
                iface={project.interface}
                data={current.item.data}
                answers={current.final?.answers ?? final ?? {}}
                readOnly={current.final !== null || busy}
                onChange={current.final === null && !busy ? setFinal : undefined}
                itemId={current.item.id}
              />
            )}
            {final && !current.final && (
              <label className="stack-tight">
                Note (optional)
                <textarea value={note} maxLength={5000} rows={2} onChange={(e) => setNote(e.target.value)} />
              </label>
            )}
          </section>
        </main>
      </div>
    </div>
  );
}
