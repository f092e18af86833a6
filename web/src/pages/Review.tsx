import { useCallback, useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { ReviewTask } from '../../../core/api/review-task.ts';
import { isolatedName } from '../../../core/names.ts';
import { call } from '../api/client.ts';
import { Link, useTitle } from '../app/router.tsx';
import { AnnotationForm, questionFields } from '../editors/AnnotationForm.tsx';
import { KeyHint } from '../editors/KeyHint.tsx';
import { ItemFields, preloadRenderersFor } from '../render/ItemFields.tsx';
import { reviewCommandFor } from '../review/keys.ts';
import { RejectDialog } from '../review/RejectDialog.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import { Name } from '../ui/Name.tsx';
import type { Project } from '../work/api.ts';
import { focusKind } from '../work/focus-kind.ts';
import { Guidelines } from '../work/Guidelines.tsx';
import { REVIEW_LABEL } from '../work/ReviewNotice.tsx';
import '../editors/editors.css';

type Task = z.output<typeof ReviewTask>;
type State =
  | { kind: 'loading' }
  | { kind: 'task'; task: Task }
  | { kind: 'empty' }
  | { kind: 'failed'; error: unknown };
type Answers = Record<string, unknown>;

/**
 * The review queue (docs/quality.md): the annotation view the annotators use, read-only,
 * with accept (A), reject with a comment (R) and fix (F: the answers become editable; Ctrl+Enter
 * saves the fix, Esc cancels). Each decision takes the next annotation.
 */
export function Review({ projectId }: { projectId: number }) {
  const [project, setProject] = useState<Project>();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [fix, setFix] = useState<Answers | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [decided, setDecided] = useState(0);
  useTitle(project ? `Review · ${isolatedName(project.name)}` : 'Review');

  const next = useCallback(async () => {
    setFix(null);
    setError(undefined);
    try {
      const task = await call('nextReview', { params: { projectId } });
      setState(task ? { kind: 'task', task } : { kind: 'empty' });
    } catch (e) {
      setState({ kind: 'failed', error: e });
    }
  }, [projectId]);

  useEffect(() => {
    void call('getProject', { params: { projectId } })
      .then(preloadRenderersFor)
      .then((p) => p && setProject(p))
      .catch((e: unknown) => setState({ kind: 'failed', error: e }));
    void next();
  }, [projectId, next]);

  const task = state.kind === 'task' ? state.task : undefined;
  const decide = useCallback(
    async (decision: 'accept' | 'reject' | 'fix', extra: { comment?: string; answers?: Answers } = {}) => {
      if (!task || busy) return;
      setBusy(true);
      setError(undefined);
      const params = { projectId, annotationId: task.annotation.id };
      const revision = task.annotation.revision;
      try {
        if (decision === 'accept') await call('acceptReview', { params, body: { revision } });
        else if (decision === 'reject')
          await call('rejectReview', { params, body: { revision, comment: extra.comment ?? '' } });
        else await call('fixReview', { params, body: { revision, answers: extra.answers ?? {} } });
        setDecided((n) => n + 1);
        await next();
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [task, busy, projectId, next],
  );

  const run = useCallback(
    (c: ReturnType<typeof reviewCommandFor>) => {
      if (!task || busy) return;
      if (c === 'accept') void decide('accept');
      else if (c === 'reject') setRejecting(true);
      else if (c === 'fix') setFix(task.annotation.answers);
      else if (c === 'cancelFix') setFix(null);
      else if (c === 'saveFix' && fix) void decide('fix', { answers: fix });
    },
    [task, busy, fix, decide],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || rejecting) return;
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      const c = reviewCommandFor(e, focusKind(document.activeElement), fix !== null);
      if (!c) return;
      e.preventDefault();
      run(c);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, fix, rejecting]);

  const omit = useMemo(() => (project ? questionFields(project.interface) : undefined), [project]);
  if (state.kind === 'failed') {
    return (
      <main id="main" className="annotate-message stack">
        <h1>Review</h1>
        <ErrorAlert error={state.error} />
        <Link to={`/projects/${projectId}`}>Back to the project</Link>
      </main>
    );
  }
  if (state.kind === 'empty') {
    return (
      <main id="main" className="annotate-message stack">
        <h1>Nothing to review</h1>
        <p>
          No annotation in {project ? <Name text={project.name} /> : 'this project'} awaits review right now.
          {decided > 0 && ` You reviewed ${decided.toLocaleString()} in this session.`}
        </p>
        <p className="row">
          <button type="button" onClick={() => void next()}>
            Look again
          </button>
          <Link to={`/projects/${projectId}`}>Back to the project</Link>
        </p>
      </main>
    );
  }
  if (!task || !project || !omit) {
    return (
      <main id="main" className="annotate-message" aria-busy="true">
        <h1 className="visually-hidden">Review</h1>
        <p className="loading">Loading the next annotation to review…</p>
      </main>
    );
  }
  const iface = project.interface;
  const itemName = task.item.externalId ?? `#${task.item.id}`;
  return (
    <div className="annotate" data-testid="review-view">
      <header className="annotate-bar">
        <Link to={`/projects/${project.id}`} className="bar-project">
          ← <Name text={project.name} />
        </Link>
        <span className="muted bar-item">
          Item {itemName} by <Name text={task.annotation.annotator} />
        </span>
        <span className="muted bar-mode" data-testid="review-status">
          {REVIEW_LABEL[task.review.status]}
          {fix && ' · fixing'}
        </span>
        <span className="spacer" />
        {fix ? (
          <>
            <button type="button" aria-keyshortcuts="Escape" disabled={busy} onClick={() => setFix(null)}>
              Cancel fix <KeyHint>Esc</KeyHint>
            </button>
            <button
              type="button"
              className="primary"
              aria-keyshortcuts="Control+Enter"
              disabled={busy}
              onClick={() => void decide('fix', { answers: fix })}
            >
              Save fix <KeyHint>Ctrl Enter</KeyHint>
            </button>
          </>
        ) : (
          <>
            <button type="button" aria-keyshortcuts="F" disabled={busy} onClick={() => run('fix')}>
              Fix <KeyHint>F</KeyHint>
            </button>
            <button type="button" aria-keyshortcuts="R" disabled={busy} onClick={() => run('reject')}>
              Reject <KeyHint>R</KeyHint>
            </button>
            <button
              type="button"
              className="primary"
              aria-keyshortcuts="A"
              disabled={busy}
              onClick={() => run('accept')}
            >
              Accept <KeyHint>A</KeyHint>
            </button>
          </>
        )}
      </header>
      <div className="annotate-notices">
        <ErrorAlert error={error} />
        {task.history.length > 0 && (
          <section className="review-notice" aria-label="Earlier decisions" data-testid="review-history">
            {task.history.map((d) => (
              <p key={`${d.createdAt}-${d.outcome}`}>
                <strong>{d.outcome}</strong> by <Name text={d.reviewer} />
                {d.comment && <>: “{d.comment}”</>}
              </p>
            ))}
          </section>
        )}
      </div>
      <div className="annotate-body">
        <Guidelines source={project.guidelines} />
        <main id="main" className="annotate-main" tabIndex={-1}>
          <h1 className="visually-hidden">Review item {itemName}</h1>
          <ItemFields
            iface={iface}
            data={task.item.data}
            omit={omit}
            shown={task.shown}
            level={2}
            itemId={task.item.id}
          />
          <AnnotationForm
            key={`${task.annotation.id}-${task.annotation.revision}-${fix ? 'fix' : 'look'}`}
            iface={iface}
            data={task.item.data}
            answers={fix ?? task.annotation.answers}
            shown={task.shown}
            readOnly={!fix || busy}
            onChange={fix && !busy ? setFix : undefined}
            itemId={task.item.id}
          />
        </main>
      </div>
      <RejectDialog
        open={rejecting}
        onCancel={() => setRejecting(false)}
        onReject={(comment) => {
          setRejecting(false);
          void decide('reject', { comment });
        }}
      />
    </div>
  );
}
