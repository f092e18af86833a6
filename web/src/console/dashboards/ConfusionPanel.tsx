import { useState } from 'react';
import type { Dashboards } from '../../../../core/api/dashboards.ts';
import { TableView } from './TableView.tsx';
import { confusionTable } from './tables.ts';

/**
 * A confusion matrix per annotator and question, as a heat map: each cell coloured by its share
 * of the row (how the annotator answered when the reference was that label).
 */
export function ConfusionPanel({
  projectId,
  matrices,
  labels,
}: {
  projectId: number;
  matrices: Dashboards['confusion'];
  labels: Readonly<Record<string, string>>;
}) {
  const [question, setQuestion] = useState(matrices[0]?.question ?? '');
  const matrix = matrices.find((m) => m.question === question) ?? matrices[0];
  const [annotator, setAnnotator] = useState('');
  const row = matrix?.annotators.find((a) => a.annotator === annotator) ?? matrix?.annotators[0];
  return (
    <section className="card stack-tight wide" aria-labelledby="confusion-title">
      <h2 id="confusion-title">Confusion per annotator</h2>
      <p className="muted">
        Choice and rating questions. Rows: the item’s majority vote (items with two or more answers) or, on
        gold items, the gold answer; columns: the annotator’s answer.
      </p>
      {!matrix || !row ? (
        <p className="muted">No choice or rating answers to compare yet.</p>
      ) : (
        <>
          <div className="refresh-line">
            <label>
              Question{' '}
              <select value={matrix.question} onChange={(e) => setQuestion(e.target.value)}>
                {matrices.map((m) => (
                  <option key={m.question} value={m.question}>
                    {labels[m.question] ?? m.question}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Annotator{' '}
              <select value={row.annotator} onChange={(e) => setAnnotator(e.target.value)}>
                {matrix.annotators.map((a) => (
                  <option key={a.annotator} value={a.annotator}>
                    {a.annotator}
                    {a.kind === 'model' ? ' (model)' : ''}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="muted">
            {row.consensus.toLocaleString()} answers against the majority vote, {row.gold.toLocaleString()}{' '}
            against gold.
          </p>
          <TableView
            table={confusionTable(projectId, matrix, row, labels[matrix.question] ?? matrix.question)}
            testId="confusion-table"
            shade={(i, j) => {
              const counts = row.counts[i] ?? [];
              const total = counts.reduce((s, n) => s + n, 0);
              return total === 0 ? undefined : (counts[j - 1] ?? 0) / total;
            }}
          />
        </>
      )}
    </section>
  );
}
