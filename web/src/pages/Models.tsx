import { useState } from 'react';
import type { ModelConnection } from '../../../core/api/models.ts';
import { call } from '../api/client.ts';
import { useTitle } from '../app/router.tsx';
import { useUser } from '../app/session.tsx';
import { ModelForm } from '../console/models/ModelForm.tsx';
import { ModelRow } from '../console/models/ModelRow.tsx';
import { PageHead } from '../console/PageHead.tsx';
import { useLoad } from '../console/useLoad.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';

/**
 * Model connections (admin): the OpenAI-compatible endpoints generation, suggestions, live chat
 * and model judges call. List, add, edit, test, remove; keys are never shown, only whether one is set.
 */
export function Models() {
  useTitle('Models');
  const me = useUser();
  const list = useLoad((signal) => call('listModelConnections', { signal }), '');
  const [editing, setEditing] = useState<ModelConnection | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (me.role !== 'admin') return <p role="alert">Only admins manage model connections.</p>;
  const items = list.data?.items ?? [];
  const done = (message: string) => {
    setError(null);
    setNotice(message);
    setEditing(null);
    list.reload();
  };
  return (
    <div className="stack">
      <PageHead title="Models" />
      {editing ? (
        <ModelForm
          key={editing.id}
          editing={editing}
          onSaved={(_c, message) => done(message)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <ModelForm onSaved={(_c, message) => done(message)} />
      )}
      <p role="status" className="ok-text">
        {notice}
      </p>
      <ErrorAlert error={error ?? list.error} />
      {list.data && items.length === 0 && <p className="muted">No model connections yet.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Model connections</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Model</th>
                <th scope="col">Base URL</th>
                <th scope="col">Limits</th>
                <th scope="col">API key</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <ModelRow
                  key={`${c.id}-${c.updatedAt}`}
                  connection={c}
                  onEdit={() => {
                    setNotice('');
                    setEditing(c);
                  }}
                  onRemoved={done}
                  onError={(err) => {
                    setNotice('');
                    setError(err);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
