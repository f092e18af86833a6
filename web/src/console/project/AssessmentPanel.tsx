import { useState } from 'react';
import type { z } from 'zod';
import type { AttemptRecord } from '../../../../core/api/assessments.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { formatTime } from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { percent } from './gold-text.ts';

type Attempt = z.output<typeof AttemptRecord>;

/** A free-text answer of a pending attempt awaiting a mark: a score from 0 to 1 and Save. */
function MarkForm(p: {
  projectId: number;
  attempt: Attempt;
  itemId: number;
  question: string;
  onDone(): void;
}) {
  const [score, setScore] = useState('1');
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      await call('markGoldAnswer', {
        params: { projectId: p.projectId },
        body: { itemId: p.itemId, userId: p.attempt.userId, question: p.question, score: Number(score) },
      });
      p.onDone();
    } catch (err) {
      setError(err);
    }
  };
  const label = `Mark for ${p.question}, question ${p.itemId} of ${p.attempt.tutor}`;
  return (
    <span className="row">
      <input
        type="number"
        min={0}
        max={1}
        step={0.05}
        value={score}
        aria-label={label}
        onChange={(e) => setScore(e.target.value)}
      />
      <button type="button" onClick={() => void save()}>
        Save mark
      </button>
      <ErrorAlert error={error} />
    </span>
  );
}

/**
 * The assessment's attempts on the project page (docs/assessments.md), for those who see all of a
 * project's work: each tutor's attempts with status, score and dates, the score per question, and
 * a mark for each written answer an attempt waits on. Hidden on projects that are no assessment
 * and never were one.
 */
export function AssessmentPanel({ projectId }: { projectId: number }) {
  const loaded = useLoad(
    (signal) => call('assessmentAttempts', { params: { projectId }, signal }),
    `assessment${projectId}`,
  );
  const report = loaded.data;
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!report || (report.assessment === null && report.attempts.length === 0)) return null;
  const s = report.assessment;
  return (
    <section className="card stack-tight wide" aria-labelledby="assessment-title">
      <h2 id="assessment-title">Assessment attempts</h2>
      <p className="muted">
        {s
          ? `Passing (${percent(s.passMark)} or more) earns ${s.skill} at level ${s.level}; ${s.maxAttempts} attempts, ${s.cooldownHours} h between them; ${s.openToAll ? 'open to all tutors' : 'members only'}. ${report.questions} questions.`
          : 'This project is no longer an assessment; its attempts are kept.'}
      </p>
      {report.attempts.length === 0 ? (
        <p className="muted">No attempts yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Tutor</th>
                <th scope="col" className="num">
                  Attempt
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
                <th scope="col">Per question</th>
              </tr>
            </thead>
            <tbody>
              {report.attempts.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Name text={a.tutor} />
                  </td>
                  <td className="num">{a.attempt}</td>
                  <td>{a.status.replace('_', ' ')}</td>
                  <td className="num">{a.score === null ? '—' : percent(a.score)}</td>
                  <td>{formatTime(a.startedAt)}</td>
                  <td>{formatTime(a.finishedAt)}</td>
                  <td>
                    <ul className="stack-tight">
                      {a.questions.map((q) => (
                        <li key={q.itemId}>
                          {q.position}: {q.score === null ? 'awaiting a mark' : percent(q.score)}
                          {a.status === 'pending' &&
                            Object.entries(q.parts)
                              .filter(([, score]) => score === null)
                              .map(([question]) => (
                                <MarkForm
                                  key={question}
                                  projectId={projectId}
                                  attempt={a}
                                  itemId={q.itemId}
                                  question={question}
                                  onDone={loaded.reload}
                                />
                              ))}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
