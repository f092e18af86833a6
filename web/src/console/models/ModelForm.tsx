import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ModelConnection } from '../../../../core/api/models.ts';
import { isolatedName } from '../../../../core/names.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { apiPathErrors, messagesAt } from '../pathErrors.ts';
import {
  bodyOf,
  fieldOfPath,
  formOf,
  type KeyAction,
  type ModelFormState,
  paramFields,
} from './model-form.ts';

const keyActions: readonly KeyAction[] = ['keep', 'replace', 'remove'];

/**
 * Adds a model connection, or edits one (`editing`). The API key is a password input that is
 * never filled: the server never sends a key back. Editing keeps the stored key unless the admin
 * chooses "Replace the key" (and types one) or "Remove the key".
 */
export function ModelForm(props: {
  editing?: ModelConnection;
  onSaved(connection: ModelConnection, message: string): void;
  onCancel?(): void;
}) {
  const editing = props.editing;
  const [v, setV] = useState<ModelFormState>(() => formOf(editing));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = apiPathErrors(error, 'body.').map((e) => ({ ...e, path: fieldOfPath(e.path) }));
  const at = (path: string) => messagesAt(errors, path);
  const titleId = editing ? `edit-model-${editing.id}` : 'add-model-title';
  const heading = useRef<HTMLHeadingElement>(null);
  // Edit opens the form at the top of the page: take focus there (and the view), not left on the row's button.
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body = bodyOf(v, editing !== undefined);
      const saved = editing
        ? await call('updateModelConnection', { params: { connectionId: editing.id }, body: body as never })
        : await call('createModelConnection', { body: body as never });
      if (!saved) return;
      if (!editing) setV(formOf());
      props.onSaved(saved, `${editing ? 'Saved' : 'Added'} ${isolatedName(saved.name)}.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const text = (key: 'name' | 'baseUrl' | 'model', label: string, hint?: string) => (
    <Field label={label} hint={hint} errors={at(key)}>
      {(c) => (
        <input {...c} required value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })} />
      )}
    </Field>
  );
  const number = (
    key: 'concurrency' | 'requestsPerMinute' | 'timeoutSeconds',
    label: string,
    hint: string,
  ) => (
    <Field label={label} hint={hint} errors={at(key)}>
      {(c) => (
        <input
          {...c}
          inputMode="numeric"
          value={v[key]}
          onChange={(e) => setV({ ...v, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {editing ? `Edit ${isolatedName(editing.name)}` : 'Add a model connection'}
      </h2>
      <p className="muted">
        Any OpenAI-compatible chat-completions server: vLLM, llama.cpp’s server, Ollama or a hosted API.
      </p>
      <div className="editor-grid">
        {text('name', 'Name')}
        {text('baseUrl', 'Base URL', 'For example http://gpu-box:8000/v1 or https://api.openai.com/v1')}
        {text('model', 'Model', 'As the server names it, e.g. meta-llama/Llama-3.1-8B-Instruct')}
        {editing ? (
          <fieldset className="key-choice">
            <legend>API key</legend>
            <p className="muted">
              {editing.hasApiKey ? 'A key is stored. It is never shown.' : 'No key is stored.'}
            </p>
            {(editing.hasApiKey ? keyActions : keyActions.slice(0, 2)).map((action) => (
              <label key={action} className="check">
                <input
                  type="radio"
                  name={`key-action-${editing.id}`}
                  checked={v.keyAction === action}
                  onChange={() => setV({ ...v, keyAction: action, apiKey: '' })}
                />
                {action === 'keep'
                  ? editing.hasApiKey
                    ? 'Keep the key'
                    : 'No key'
                  : action === 'replace'
                    ? editing.hasApiKey
                      ? 'Replace the key'
                      : 'Set a key'
                    : 'Remove the key'}
              </label>
            ))}
            {v.keyAction === 'replace' && (
              <Field label="New API key" errors={at('apiKey')}>
                {(c) => (
                  <input
                    {...c}
                    type="password"
                    autoComplete="off"
                    required
                    value={v.apiKey}
                    onChange={(e) => setV({ ...v, apiKey: e.target.value })}
                  />
                )}
              </Field>
            )}
          </fieldset>
        ) : (
          <Field
            label="API key"
            hint="Stored encrypted and never shown again. Leave empty for a server that needs none."
            errors={at('apiKey')}
          >
            {(c) => (
              <input
                {...c}
                type="password"
                autoComplete="off"
                value={v.apiKey}
                onChange={(e) => setV({ ...v, apiKey: e.target.value })}
              />
            )}
          </Field>
        )}
        {number('concurrency', 'Concurrency', 'Most calls at once, per server process (1 to 256)')}
        {number('requestsPerMinute', 'Requests per minute', 'Leave empty for no limit')}
        {number('timeoutSeconds', 'Timeout (seconds)', 'How long to wait for an answer')}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={v.allowPrivateNetwork}
          aria-describedby={`${titleId}-private`}
          onChange={(e) => setV({ ...v, allowPrivateNetwork: e.target.checked })}
        />
        Allow a private network address
      </label>
      <small id={`${titleId}-private`} className="muted">
        Needed for a server on this machine or the local network (localhost, 10.x, 192.168.x). Leave it off
        for hosted APIs: then no call can reach the private network.
      </small>
      <details>
        <summary>Default parameters</summary>
        <div className="editor-grid">
          {paramFields.map((f) => (
            <Field key={f.key} label={f.label} hint={f.hint} errors={at(`params.${f.key}`)}>
              {(c) => (
                <input
                  {...c}
                  value={v.params[f.key]}
                  onChange={(e) => setV({ ...v, params: { ...v.params, [f.key]: e.target.value } })}
                />
              )}
            </Field>
          ))}
        </div>
        {at('params').length > 0 && <ErrorAlert error={new Error(at('params').join(' '))} />}
      </details>
      {errors.length === 0 && <ErrorAlert error={error} />}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {editing ? 'Save' : 'Add connection'}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
