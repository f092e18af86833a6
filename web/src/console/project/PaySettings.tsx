import { useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { formatCents, parseCents } from '../../../../core/worklog.ts';
import { SaveControls } from '../../ui/SaveControls.tsx';
import { SelectInput, TextInput } from '../builder/inputs.tsx';
import { Field } from '../Field.tsx';
import { messagesAt } from '../pathErrors.ts';
import { useProjectSave } from './useProjectSave.ts';

type Unit = 'none' | 'hour' | 'item';
const UNITS = [
  ['none', 'No rate'],
  ['hour', 'Per hour'],
  ['item', 'Per item'],
] as const;

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
          <SelectInput
            label="Pay"
            path="pay.unit"
            errors={[]}
            value={unit}
            options={UNITS}
            onChange={(v) => setUnit(v as Unit)}
          />
          {unit !== 'none' && (
            <>
              <Field label="Rate" errors={messagesAt(errors, 'pay.rateCents')} path="pay.rateCents">
                {(c) => (
                  <input {...c} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />
                )}
              </Field>
              <TextInput
                label="Currency (ISO code)"
                path="pay.currency"
                errors={messagesAt(errors, 'pay.currency')}
                value={currency}
                onChange={setCurrency}
              />
            </>
          )}
        </div>
        <SaveControls label="Save pay rate" error={error} notice={notice} />
      </form>
    </section>
  );
}
