import { useMemo } from 'react';
import type { z } from 'zod';
import type { AdjudicationCase } from '../../../core/api/adjudication.ts';
import type { InterfaceDefinition } from '../../../core/interface/index.ts';
import { DiffParts } from '../editors/rewrite/DiffView.tsx';
import { Name } from '../ui/Name.tsx';
import { answerAsText } from '../work/review-changes.ts';
import { compareAnswers } from './compare.ts';

type Case = z.output<typeof AdjudicationCase>;

/**
 * Every annotator's answer, question by question, side by side (docs/quality.md, "Adjudication"):
 * an answer that differs from the most common one is marked, and each answer shows its word diff
 * against the first annotator's (insertions underlined, deletions struck through, never colour
 * alone). The consensus and its confidence close each question.
 */
export function AnswerComparison(props: { iface: Pick<InterfaceDefinition, 'questions'>; case: Case }) {
  const rows = useMemo(
    () => compareAnswers(props.iface, props.case.answers),
    [props.iface, props.case.answers],
  );
  return (
    <section className="adjudication-compare stack-tight" aria-labelledby="compare-title">
      <h2 id="compare-title">Answers side by side</h2>
      {rows.map((row) => {
        const consensus = props.case.consensus[row.question];
        return (
          <section
            key={row.question}
            className="adjudication-question"
            data-question={row.question}
            data-agree={row.agree}
            aria-label={row.label}
          >
            <h3 className="small">
              {row.label}{' '}
              <span className={row.agree ? 'muted' : 'adjudication-differs-badge'}>
                {row.agree ? '· all agree' : '· answers differ'}
              </span>
            </h3>
            <div className="adjudication-cells" style={{ ['--columns' as string]: row.cells.length }}>
              {row.cells.map((cell, i) => (
                <div
                  key={`${cell.annotator}-${i.toString()}`}
                  className={`adjudication-cell${cell.differs ? ' differs' : ''}`}
                  data-testid="adjudication-cell"
                  data-differs={cell.differs}
                >
                  <p className="muted small adjudication-cell-who">
                    <kbd>{i + 1}</kbd> <Name text={cell.annotator} />
                    {cell.differs && <span className="visually-hidden"> (differs)</span>}
                  </p>
                  <div className="diff-text">
                    {cell.text === '' && <span className="muted">(no answer)</span>}
                    {cell.diff === null ? cell.text : <DiffParts parts={cell.diff} />}
                  </div>
                </div>
              ))}
            </div>
            {consensus && (
              <p className="muted small" data-testid="adjudication-consensus">
                Consensus: {answerAsText(consensus.answer)} ({Math.round(consensus.confidence * 100)} %
                confidence)
              </p>
            )}
          </section>
        );
      })}
    </section>
  );
}
