import { useEffect, useState } from 'react';
import { ApiError } from '../../../core/api/client-errors.ts';
import { call } from '../api/client.ts';
import { Link, navigate, useLocation, useTitle } from '../app/router.tsx';
import { useUser } from '../app/session.tsx';
import { preloadRenderersFor } from '../render/ItemFields.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import { AnnotationView, type ViewMode } from '../work/AnnotationView.tsx';
import type { Project, Work } from '../work/api.ts';
import { useProgress } from '../work/useProgress.ts';
import { useQueue } from '../work/useQueue.ts';
import '../editors/editors.css';
import { isolatedName } from '../../../core/names.ts';
import { Name } from '../ui/Name.tsx';

/**
 * The queue's own items (a lock, or a rejected item handed back for rework by `next`), and edit
 * and view modes for an assignment opened from My work (`?assignment=`). A rejected item may be
 * resubmitted whatever the project allows.
 */
function modeFor(work: Work, project: Project, opened: boolean): ViewMode {
  const rework = work.review?.status === 'rejected';
  if (work.assignment.status === 'locked' || (rework && !opened)) return 'queue';
  return work.assignment.status === 'submitted' && (project.allowEditSubmitted || rework) ? 'edit' : 'view';
}

/** "Start annotating": the focused annotation view over the annotator's queue. */
export function Annotate({ projectId }: { projectId: number }) {
  const user = useUser();
  const { query } = useLocation();
  const opened = Number(query.get('assignment')) || undefined;
  // Opened by Previous (from the queue) rather than from My work: a resubmitted edit returns there.
  const fromQueue = query.get('from') === 'queue';
  const queue = useQueue(projectId, user.id, opened === undefined ? false : fromQueue ? 'queue' : 'my-work');
  const [project, setProject] = useState<Project>();
  useTitle(project ? `Annotate · ${isolatedName(project.name)}` : 'Annotate');
  const { start, setState } = queue;

  useEffect(() => {
    let live = true;
    // Another item was asked for (Previous, or back to the queue): none is shown until it is in.
    setState({ kind: 'loading' });
    void (async () => {
      // The project and the work are fetched side by side; a failure of either wins once both are in.
      const [p, w] = await Promise.allSettled([
        call('getProject', { params: { projectId } }).then(preloadRenderersFor),
        opened === undefined
          ? start()
          : call('getAssignment', { params: { assignmentId: opened } }).then((work) => {
              if (live && work) setState({ kind: 'work', work });
            }),
      ]);
      if (!live) return;
      if (p.status === 'fulfilled' && p.value) setProject(p.value);
      const failed = p.status === 'rejected' ? p : w.status === 'rejected' ? w : undefined;
      if (failed) setState({ kind: 'failed', error: failed.reason });
    })();
    return () => {
      live = false;
    };
  }, [projectId, opened, start, setState]);

  // Submit → next item on screen, measured to the frame after it renders (performance entries
  // named verity:submit-to-next; the last value also sits on the page for tests).
  const [shownMs, setShownMs] = useState<number>();
  const shownId = queue.state.kind === 'work' ? queue.state.work.assignment.id : queue.state.kind;
  const { submitStartedAt } = queue;
  useEffect(() => {
    const t0 = submitStartedAt.current;
    if (t0 === undefined || shownId === undefined) return;
    submitStartedAt.current = undefined;
    requestAnimationFrame(() => {
      performance.measure('verity:submit-to-next', { start: t0, end: performance.now() });
      setShownMs(Math.round(performance.now() - t0));
    });
  }, [shownId, submitStartedAt]);

  const progress = useProgress(
    projectId,
    queue.state.kind === 'work' ? `${shownId}:${queue.state.work.assignment.status}` : String(shownId),
    opened,
  );
  const previous = progress?.previousAssignmentId;
  const openPrevious =
    previous === null || previous === undefined
      ? undefined
      : () => navigate(`/projects/${projectId}/annotate?assignment=${previous}&from=queue`);

  const { state } = queue;
  if (state.kind === 'failed') {
    return (
      <main id="main" className="annotate-message stack">
        <h1>{project ? <Name text={project.name} wide /> : 'Annotate'}</h1>
        <ErrorAlert error={state.error} />
        <div className="row">
          {!(state.error instanceof ApiError && state.error.status === 404) && (
            <button type="button" className="primary" onClick={() => void queue.next()}>
              Try again
            </button>
          )}
          <Link to={`/projects/${projectId}`}>Back to the project</Link>
        </div>
      </main>
    );
  }
  if (state.kind === 'done') {
    return (
      <main id="main" className="annotate-message stack">
        <h1>All done</h1>
        <p>
          There are no more items for you in {project ? <Name text={project.name} /> : 'this project'} right
          now. Thank you!
        </p>
        {progress && (
          <p data-testid="progress-counter">{progress.done.toLocaleString()} done in this project.</p>
        )}
        <p className="row">
          {project?.assessment && <Link to="/assessments">See your assessment result</Link>}
          <Link to={`/projects/${projectId}`}>Back to the project</Link>
          <Link to={`/projects/${projectId}/my-work`}>See my work</Link>
          {openPrevious && (
            <button type="button" onClick={openPrevious}>
              Open my previous item
            </button>
          )}
        </p>
      </main>
    );
  }
  if (state.kind === 'loading' || !project) {
    return (
      <main id="main" className="annotate-message" aria-busy="true">
        <h1 className="visually-hidden">Annotate</h1>
        <p className="loading">
          {queue.sending === 'no' ? 'Loading your next item…' : 'Sending your last submission…'}
        </p>
      </main>
    );
  }
  const { work } = state;
  return (
    <div data-submit-to-next-ms={shownMs}>
      <AnnotationView
        key={`${work.assignment.id}-${queue.attempt}`}
        project={project}
        work={work}
        mode={modeFor(work, project, opened !== undefined)}
        drafts={queue.stores.drafts}
        signals={queue.stores.signals}
        sending={queue.sending}
        error={queue.error}
        onSubmit={(answers, activeMs, signals) => void queue.submit(work, answers, activeMs, signals)}
        onSkip={(reason) => void queue.skip(work, reason)}
        onNext={() => {
          queue.setError(undefined);
          void queue.next();
        }}
        progress={progress}
        onPrevious={openPrevious}
      />
    </div>
  );
}
