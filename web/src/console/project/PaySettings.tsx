import { useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { formatCents, parseCents } from '../../../../core/worklog.ts';
import { SaveControls } from '../../ui/SaveControls.tsx';
import { Field } from '../Field.tsx';
import { messagesAt } from '../pathErrors.ts';
import { useProjectSave } from './useProjectSave.ts';

type Unit = 'none' | 'hour' | 'item';

/** The project's pay rate for the work log (docs/worklog.md), saved on its own; money as cents, never a float. */
export function PaySettings({ project, onSaved }: { project: Project; onSaved(p: Project): void }) {
  const [unit, setUnit] = useState<Unit>(project.pay?.unit ?? 'none');
  const [rate, setRate] = useState(project.pay ? formatCents(project.pay.rateCents) : '');
  const [currency, setCurrency] = useState(project.pay?.currency ?? 'EUR');
  const { errors, error, notice, submit } = useProjectSave(project, onSaved);
  const save = submit(() => {
    const rateCents = parseCents(rate);
    if (unit !== 'none' && rateCents === null)
      return {
        ok: false,
        errors: [{ path: 'pay.rateCents', message: 'Enter an amount such as 25 or 25.50.' }],
      };
    const pay =
      unit === 'none' ? null : { unit, rateCents: rateCents ?? 0, currency: currency.trim().toUpperCase() };
    return { ok: true, value: { pay } };
  }, 'Pay rate saved.');
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
        <SaveControls label="Save pay rate" error={error} notice={notice} />
      </form>
    </section>
  );
}
