import { useState } from 'react';
import type { z } from 'zod';
import type { MyAssessment } from '../../../core/api/assessments.ts';
import { call } from '../api/client.ts';
import { navigate, useTitle } from '../app/router.tsx';
import { formatTime, plural } from '../console/format.ts';
import { percent } from '../console/project/gold-text.ts';
import { useLoad } from '../console/useLoad.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import { Name } from '../ui/Name.tsx';
import '../console/console.css';

type Assessment = z.output<typeof MyAssessment>;
type Attempt = Assessment['attempts'][number];

/** Where the tutor stands, in a sentence. */
function standingText(a: Assessment): string {
  switch (a.standing) {
    case 'not_started':
      return 'Not started.';
    case 'in_progress':
      return 'In progress.';
    case 'pending':
      return 'Finished; a reviewer still has to mark a written answer.';
    case 'passed':
      return `Passed. You earned ${a.skill} at level ${a.level}.`;
    case 'cooling_down':
      return `Not passed. You may retake it from ${formatTime(a.cooldownEndsAt)}.`;
    case 'can_retake':
      return 'Not passed. You may retake it now.';
    case 'no_attempts_left':
      return 'Not passed, and every attempt is used.';
  }
}

function AttemptResults({ attempt }: { attempt: Attempt }) {
  if (attempt.status === 'in_progress') return null;
  return (
    <div className="table-wrap">
      <table>
        <caption>
          Attempt {attempt.attempt}: {attempt.score === null ? 'awaiting marks' : percent(attempt.score)} (
          {attempt.status === 'pending' ? 'pending' : attempt.status}, finished{' '}
          {formatTime(attempt.finishedAt)})
        </caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col" className="num">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {attempt.questions.map((q) => (
            <tr key={q.position}>
              <td>Question {q.position}</td>
              <td className="num">{q.score === null ? 'awaiting a mark' : percent(q.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Assessments" (docs/assessments.md): the qualification tests the tutor may take, where they stand
 * with each, a button that starts or continues an attempt in the work loop, and their results per
 * question (never the gold answers).
 */
export function Assessments() {
  useTitle('Assessments');
  const loaded = useLoad((signal) => call('listMyAssessments', { signal }), 'mine');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const begin = async (projectId: number) => {
    setError(null);
    setBusy(projectId);
    try {
      await call('startAssessmentAttempt', { params: { projectId } });
      navigate(`/projects/${projectId}/annotate`);
    } catch (err) {
      setError(err);
      loaded.reload();
    } finally {
      setBusy(null);
    }
  };
  const items = loaded.data?.items ?? [];
  return (
    <div className="stack">
      <h1>Assessments</h1>
      <p className="muted">
        Qualification tests: pass one to earn its skill, which opens work that needs it.
      </p>
      <ErrorAlert error={loaded.error ?? error} />
      {loaded.loading && !loaded.data && <p className="loading">Loading your assessments…</p>}
      {loaded.data && items.length === 0 && <p className="muted">No assessment is open to you.</p>}
      {items.map((a) => (
        <section key={a.projectId} className="card stack-tight" aria-labelledby={`assessment-${a.projectId}`}>
          <h2 id={`assessment-${a.projectId}`}>
            <Name text={a.projectName} />
          </h2>
          <p>
            Earns <strong>{a.skill}</strong> at level {a.level}. {plural(a.questions, 'question')}; pass mark{' '}
            {percent(a.passMark)}.
          </p>
          <p data-testid="standing">{standingText(a)}</p>
          <p className="muted">
            Attempts: {a.attemptsUsed} used, {a.attemptsLeft} left
            {a.lastScore !== null ? `; last score ${percent(a.lastScore)}` : ''}.
          </p>
          {(a.canStart || a.standing === 'in_progress') && (
            <p>
              <button
                type="button"
                className="primary"
                disabled={busy === a.projectId}
                onClick={() => void begin(a.projectId)}
              >
                {a.standing === 'in_progress' ? 'Continue' : a.attemptsUsed > 0 ? 'Retake' : 'Start'}
                <span className="visually-hidden"> {a.projectName}</span>
              </button>
            </p>
          )}
          {[...a.attempts].reverse().map((attempt) => (
            <AttemptResults key={attempt.attempt} attempt={attempt} />
          ))}
        </section>
      ))}
    </div>
  );
}
