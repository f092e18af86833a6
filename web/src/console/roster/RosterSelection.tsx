import type { RosterPerson } from '../../../../core/api/roster.ts';
import { api } from '../../api/client.ts';
import { Name } from '../../ui/Name.tsx';
import { BulkStatus } from '../users/BulkStatus.tsx';

/**
 * What can be done with the people ticked on the roster: suspend, offboard or reinstate them at
 * once (admins; the Users page's BulkStatus, which asks first with the count), and, with a project
 * chosen, download each one's work there (the export's `annotator` filter, docs/users.md).
 */
export function RosterSelection(props: {
  people: readonly RosterPerson[];
  projectId: number | null;
  canChangeStatus: boolean;
  onStart(): void;
  onDone(message: string): void;
  onError(err: unknown): void;
}) {
  const { people, projectId } = props;
  if (people.length === 0) return null;
  const exportable = people.filter((p) => p.email !== null);
  return (
    <section className="card stack-tight" aria-label="Selected people">
      <p>
        {people.length} {people.length === 1 ? 'person' : 'people'} selected.
      </p>
      {props.canChangeStatus && (
        <BulkStatus selected={people} onStart={props.onStart} onDone={props.onDone} onError={props.onError} />
      )}
      {projectId === null ? (
        <p className="muted">Choose a project to download the selection’s work in it.</p>
      ) : (
        <ul aria-label="Work of the selected people">
          {exportable.map((p) => (
            <li key={p.id}>
              <a
                href={api.url('exportItems', {
                  params: { projectId },
                  query: { annotator: p.email!, format: 'jsonl' },
                })}
                download
              >
                Download the work of <Name text={p.email!} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
