import type { z } from 'zod';
import type { Prediction } from '../../../../core/api/assignments.ts';
import type { InterfaceDefinition } from '../../../../core/interface/index.ts';
import { isolatedName } from '../../../../core/names.ts';
import { AnnotationForm } from '../../editors/AnnotationForm.tsx';
import { Name } from '../../ui/Name.tsx';
import { formatTime } from '../format.ts';
import './items.css';

/** One agent's prediction for the item (docs/suggestions.md), read-only, as the managers see it. */
export function PredictionColumn(props: {
  prediction: z.output<typeof Prediction>;
  iface: InterfaceDefinition;
  data: Record<string, unknown>;
  /** The candidates' order to show them in (the item's own when absent). */
  shown?: Record<string, string[]> | undefined;
}) {
  const p = props.prediction;
  const id = `prediction-${p.agent.replace(/[^\w-]/g, '_')}`;
  return (
    <article className="card annotation-column" aria-labelledby={id} data-testid="prediction">
      <h3 id={id}>
        <Name text={p.agent} wide />
      </h3>
      <dl className="pairs compact">
        <div>
          <dt>Score</dt>
          <dd>{p.score === null ? '—' : p.score}</dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>{p.source === 'import' ? 'an import' : 'a model'}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{formatTime(p.createdAt)}</dd>
        </div>
      </dl>
      <form onSubmit={(e) => e.preventDefault()} aria-label={`Prediction of ${isolatedName(p.agent)}`}>
        <AnnotationForm
          iface={props.iface}
          data={props.data}
          answers={p.answers}
          shown={props.shown}
          readOnly
        />
      </form>
    </article>
  );
}
