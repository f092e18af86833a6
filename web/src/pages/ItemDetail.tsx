import { AdjudicationLink } from '../adjudication/AdjudicationLink.tsx';
import { call } from '../api/client.ts';
import { Link, useTitle } from '../app/router.tsx';
import { useUser } from '../app/session.tsx';
import { AnnotationColumn } from '../console/items/AnnotationColumn.tsx';
import { AssignmentsTable } from '../console/items/AssignmentsTable.tsx';
import { PredictionColumn } from '../console/items/PredictionColumn.tsx';
import { SubtitleLinks } from '../console/items/SubtitleLinks.tsx';
import { PageHead } from '../console/PageHead.tsx';
import { loadAccess } from '../console/project/access.ts';
import { useLoad } from '../console/useLoad.ts';
import { ItemFields } from '../render/ItemFields.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';
import { Name } from '../ui/Name.tsx';

/** An item and every annotator's answers side by side, each with its revision history. */
export function ItemDetailPage({ itemId }: { itemId: number }) {
  useTitle(`Item ${itemId}`);
  const user = useUser();
  const loaded = useLoad(async (signal) => {
    const detail = (await call('getItem', { params: { itemId }, signal }))!;
    const projectId = detail.item.projectId;
    const [project, access] = await Promise.all([
      call('getProject', { params: { projectId }, signal }).then((p) => p!),
      loadAccess(user, projectId, signal),
    ]);
    return { ...detail, project, manage: access.manage };
  }, String(itemId));
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!loaded.data) return <p className="loading">Loading item…</p>;
  const { item, annotations, assignments, project, manage } = loaded.data;
  const names = new Map([
    ...assignments.map((s) => [s.userId, s.annotator] as const),
    ...annotations.map((a) => [a.userId, a.annotator] as const),
  ]);
  const who = (userId: number) => names.get(userId) ?? `user ${userId}`;
  const returnSkip = async (assignmentId: number) => {
    await call('returnSkip', { params: { assignmentId } });
    loaded.reload();
  };
  const annotated = new Set(annotations.map((a) => a.assignmentId));
  // A model judge's answers are shown with the rest but fill none of the wanted places.
  const byPeople = annotations.filter((a) => a.annotatorKind !== 'model').length;
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="muted">
        <Link to={`/projects/${project.id}/items`}>
          <Name text={project.name} />: items
        </Link>
      </nav>
      <PageHead title={`Item #${item.id}${item.externalId ? ` (${item.externalId})` : ''}`}>
        {project.adjudication !== null && (manage || project.adjudication.adjudicators.includes(user.id)) && (
          <AdjudicationLink projectId={project.id} itemId={item.id} />
        )}
      </PageHead>
      <section className="card" aria-label="Item">
        <ItemFields iface={project.interface} data={item.data} level={2} itemId={item.id} />
      </section>
      <section className="stack-tight" aria-labelledby="annotations-title">
        <h2 id="annotations-title">
          Annotations ({byPeople} of {loaded.data.target ?? project.overlap} wanted
          {byPeople < annotations.length ? `, and ${annotations.length - byPeople} by a model judge` : ''})
        </h2>
        {loaded.data.disagreement != null && (
          <p className="muted">
            Disagreement between the answers: {loaded.data.disagreement.toFixed(2)} (0: all agree, 1 at most)
          </p>
        )}
        {annotations.length === 0 && <p className="muted">Nobody has annotated this item yet.</p>}
        <div className="annotation-columns">
          {annotations.map((a) => (
            <AnnotationColumn
              key={a.id}
              annotation={a}
              iface={project.interface}
              data={item.data}
              who={who}
            />
          ))}
        </div>
      </section>
      <SubtitleLinks itemId={item.id} iface={project.interface} annotations={annotations} />
      {(loaded.data.predictions?.length ?? 0) > 0 && (
        <section className="stack-tight" aria-labelledby="predictions-title">
          <h2 id="predictions-title">Predictions ({loaded.data.predictions!.length})</h2>
          <p className="muted">
            Suggested answers by agent; the project's setting picks the one annotators see.
          </p>
          <div className="annotation-columns">
            {loaded.data.predictions!.map((p) => (
              <PredictionColumn key={p.agent} prediction={p} iface={project.interface} data={item.data} />
            ))}
          </div>
        </section>
      )}
      <AssignmentsTable
        assignments={assignments.filter((s) => !annotated.has(s.id) || s.status !== 'submitted')}
        onReturn={manage ? returnSkip : undefined}
      />
    </div>
  );
}
