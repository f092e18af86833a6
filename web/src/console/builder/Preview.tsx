import { useMemo, useState } from 'react';
import type { InterfaceDefinition } from '../../../../core/interface/index.ts';
import { AnnotationForm, questionFields } from '../../editors/AnnotationForm.tsx';
import { ItemFields } from '../../render/ItemFields.tsx';
import { sampleData } from './sample.ts';

/** The annotation view on a made-up item; answers are kept while the interface changes. */
export function Preview({ iface, problems }: { iface: InterfaceDefinition | null; problems: number }) {
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const data = useMemo(() => (iface ? sampleData(iface) : {}), [iface]);
  return (
    <section className="card stack preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      {iface ? (
        <>
          <p className="muted">What an annotator sees, on a sample item. Try the questions.</p>
          <ItemFields iface={iface} data={data} omit={questionFields(iface)} />
          <AnnotationForm iface={iface} data={data} answers={answers} onChange={setAnswers} />
        </>
      ) : (
        <p>
          The preview appears when the interface is complete (
          {problems === 1 ? '1 problem' : `${problems} problems`} left; each is shown at its input once you
          leave it, and all when you create the project).
        </p>
      )}
    </section>
  );
}
