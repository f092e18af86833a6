import { type FormEvent, useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { formatCents, parseCents } from '../../../../core/worklog.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { apiPathErrors, messagesAt, type PathError } from '../pathErrors.ts';

type Unit = 'none' | 'hour' | 'item';

/** The project's pay rate for the work log (docs/worklog.md), saved on its own; money as cents, never a float. */
export function PaySettings({ project, onSaved }: { project: Project; onSaved(p: Project): void }) {
  const [unit, setUnit] = useState<Unit>(project.pay?.unit ?? 'none');
  const [rate, setRate] = useState(project.pay ? formatCents(project.pay.rateCents) : '');
  const [currency, setCurrency] = useState(project.pay?.currency ?? 'EUR');
  const [errors, setErrors] = useState<PathError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice('');
    const rateCents = parseCents(rate);
    if (unit !== 'none' && rateCents === null) {
      setErrors([{ path: 'pay.rateCents', message: 'Enter an amount such as 25 or 25.50.' }]);
      return;
    }
    setErrors([]);
    const pay =
      unit === 'none' ? null : { unit, rateCents: rateCents ?? 0, currency: currency.trim().toUpperCase() };
    try {
      const saved = await call('updateProject', { params: { projectId: project.id }, body: { pay } });
      if (saved) onSaved(saved);
      setNotice('Pay rate saved.');
    } catch (err) {
      setError(err);
      setErrors(apiPathErrors(err, 'body.'));
    }
  };
  return (
    <section className="stack" aria-labelledby="pay-settings-title">
      <h2 id="pay-settings-title">Pay rate</h2>
      <p className="muted">The work log pays each tutor per hour of active time or per submitted item.</p>
      <form className="stack" onSubmit={save} noValidate>
        <div className="editor-grid">
          <Field label="Pay" errors={[]} path="pay.unit">
            {(c) => (
              <select {...c} value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
                <option value="none">No rate</option>
                <option value="hour">Per hour</option>
                <option value="item">Per item</option>
              </select>
            )}
          </Field>
          {unit !== 'none' && (
            <>
              <Field label="Rate" errors={messagesAt(errors, 'pay.rateCents')} path="pay.rateCents">
                {(c) => (
                  <input {...c} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />
                )}
              </Field>
              <Field
                label="Currency (ISO code)"
                errors={messagesAt(errors, 'pay.currency')}
                path="pay.currency"
              >
                {(c) => <input {...c} value={currency} onChange={(e) => setCurrency(e.target.value)} />}
              </Field>
            </>
          )}
        </div>
        <ErrorAlert error={error} />
        <p role="status" className="ok-text">
          {notice}
        </p>
        <button type="submit" className="self-start">
          Save pay rate
        </button>
      </form>
    </section>
  );
}
