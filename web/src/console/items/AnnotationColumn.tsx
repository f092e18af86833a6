import type { Annotation } from '../../../../core/api/assignments.ts';
import type { InterfaceDefinition } from '../../../../core/interface/index.ts';
import { isolatedName } from '../../../../core/names.ts';
import { AnnotationForm } from '../../editors/AnnotationForm.tsx';
import { ago } from '../../ui/ago.ts';
import { Name } from '../../ui/Name.tsx';
import { formatDuration, formatTime } from '../format.ts';
import { IntegrityFlags } from './IntegrityFlags.tsx';
import { RevisionHistory } from './RevisionHistory.tsx';
import '../../work/my-work.css';
import './items.css';

/**
 * Answers given under an older interface to questions it no longer asks, or with options it no
 * longer offers: the form below cannot show them, so they are listed as given.
 */
function OlderAnswers({ annotation: a, iface }: { annotation: Annotation; iface: InterfaceDefinition }) {
  if (a.interfaceVersion === iface.version) return null;
  const questions = new Map(iface.questions.map((q) => [q.name, q]));
  const offered = (q: InterfaceDefinition['questions'][number] | undefined, value: unknown) =>
    q === undefined
      ? false
      : q.type === 'choice'
        ? q.options.includes(value as string)
        : q.type === 'multi_choice'
          ? Array.isArray(value) && value.every((v) => q.options.includes(v as string))
          : true;
  const stale = Object.entries(a.answers).filter(([name, value]) => !offered(questions.get(name), value));
  if (stale.length === 0) return null;
  return (
    <div className="stack-tight">
      <p className="muted">Given under version {a.interfaceVersion}, not in the current interface:</p>
      <dl className="pairs compact">
        {stale.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{JSON.stringify(value).slice(0, 500)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** One annotator's answers, read-only, with who, status, time spent and history. */
export function AnnotationColumn(props: {
  annotation: Annotation;
  iface: InterfaceDefinition;
  data: Record<string, unknown>;
  who: (userId: number) => string;
}) {
  const a = props.annotation;
  return (
    <article className="card annotation-column" aria-labelledby={`annotation-${a.id}`}>
      <h3 id={`annotation-${a.id}`}>
        <Name text={a.annotator} wide />
        {a.annotatorKind === 'model' && (
          <>
            {' '}
            <span className="status status-model">model judge</span>
          </>
        )}
      </h3>
      <dl className="pairs compact">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`status status-${a.status}`}>
              {a.status === 'submitted' ? 'Submitted' : 'Draft'}
            </span>
          </dd>
        </div>
        <div>
          <dt>Time spent</dt>
          <dd>{formatDuration(a.leadTimeMs)}</dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>{formatTime(a.submittedAt)}</dd>
        </div>
        {a.editedAt && (
          <div>
            <dt>Edited</dt>
            <dd className="edited" title={formatTime(a.editedAt)}>
              edited {ago(a.editedAt, Date.now())}
            </dd>
          </div>
        )}
        {a.suggestedBy && (
          <div>
            <dt>Suggestion shown</dt>
            <dd>
              <Name text={a.suggestedBy} />
            </dd>
          </div>
        )}
        <div>
          <dt>Revision</dt>
          <dd>{a.revision}</dd>
        </div>
        {a.interfaceVersion !== props.iface.version && (
          <div>
            <dt>Interface</dt>
            <dd>
              version {a.interfaceVersion} (now {props.iface.version})
            </dd>
          </div>
        )}
      </dl>
      <IntegrityFlags annotation={a} iface={props.iface} />
      <OlderAnswers annotation={a} iface={props.iface} />
      {a.pendingAnswers && (
        <p className="muted">
          The annotator is editing this submission; the answers below stay in force until they resubmit.
        </p>
      )}
      {/* A form of its own scopes the radio groups, so columns with the same questions stay apart. */}
      <form onSubmit={(e) => e.preventDefault()} aria-label={`Answers of ${isolatedName(a.annotator)}`}>
        <AnnotationForm
          iface={props.iface}
          data={props.data}
          answers={a.answers}
          shown={a.shown ?? undefined}
          readOnly
        />
      </form>
      <RevisionHistory annotationId={a.id} who={props.who} />
    </article>
  );
}
