import { useRef, useState } from 'react';
import type { ModelConnection, ModelTestResult } from '../../../../core/api/models.ts';
import { isolatedName } from '../../../../core/names.ts';
import { call } from '../../api/client.ts';
import { describeError } from '../../ui/errors.ts';
import { Name } from '../../ui/Name.tsx';
import { modelErrorHints } from './model-errors.ts';
import { limitsText } from './model-form.ts';

/** A test's outcome as sentences: the latency and the model, or what failed and what to do. */
export function testSentence(result: ModelTestResult): string {
  if (result.ok) return `It works: ${result.model} answered in ${result.latencyMs} ms.`;
  return `The test failed: ${result.message}. ${modelErrorHints[result.kind]}`;
}

/**
 * One connection: Test (the outcome announced in the row), Edit, and Remove, which asks for
 * confirmation in the row itself (focus moves to the confirm button; Cancel brings it back).
 */
export function ModelRow(props: {
  connection: ModelConnection;
  onEdit(): void;
  onRemoved(message: string): void;
  onError(err: unknown): void;
}) {
  const c = props.connection;
  const name = isolatedName(c.name);
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const test = async () => {
    setTesting(true);
    setOutcome(null);
    try {
      const result = await call('testModelConnection', { params: { connectionId: c.id } });
      if (result) setOutcome({ ok: result.ok, text: testSentence(result) });
    } catch (err) {
      setOutcome({ ok: false, text: describeError(err) });
    } finally {
      setTesting(false);
    }
  };
  const remove = async () => {
    setConfirming(false);
    try {
      await call('deleteModelConnection', { params: { connectionId: c.id } });
      props.onRemoved(`Removed ${name}.`);
    } catch (err) {
      props.onError(err);
      requestAnimationFrame(() => removeRef.current?.focus());
    }
  };
  return (
    <tr>
      <th scope="row">
        <Name text={c.name} />
      </th>
      <td>
        <Name text={c.model} />
      </td>
      <td>
        <code>{c.baseUrl}</code>
        {c.allowPrivateNetwork && <small className="muted"> (private network allowed)</small>}
      </td>
      <td>{limitsText(c)}</td>
      <td>{c.hasApiKey ? 'Set' : 'None'}</td>
      <td>
        {confirming ? (
          <fieldset className="row confirm">
            <legend className="visually-hidden">{`Confirm removing ${name}`}</legend>
            <button type="button" className="danger" ref={(el) => el?.focus()} onClick={() => void remove()}>
              Yes, remove {name}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => removeRef.current?.focus());
              }}
            >
              Cancel
            </button>
          </fieldset>
        ) : (
          <div className="row">
            <button type="button" onClick={() => void test()} disabled={testing}>
              {testing ? 'Testing…' : 'Test'}
              <span className="visually-hidden"> {name}</span>
            </button>
            <button type="button" onClick={props.onEdit}>
              Edit<span className="visually-hidden"> {name}</span>
            </button>
            <button type="button" ref={removeRef} onClick={() => setConfirming(true)}>
              Remove<span className="visually-hidden"> {name}</span>
            </button>
          </div>
        )}
        <p role="status" className={outcome?.ok === false ? 'error-text' : 'ok-text'}>
          {outcome?.text ?? ''}
        </p>
      </td>
    </tr>
  );
}
