import { type Template, templates } from './templates.ts';

/** One button per template, named after it; its summary is read as the button's description. */
export function TemplatePicker({ onPick }: { onPick(t: Template): void }) {
  return (
    <section className="stack-tight" aria-labelledby="templates-title">
      <h2 id="templates-title">Start from a template</h2>
      <p className="muted">
        A template fills in the interface and the guidelines; change anything afterwards.
      </p>
      <ul className="template-list">
        {templates.map((t, i) => (
          <li key={t.name}>
            <button type="button" onClick={() => onPick(t)} aria-describedby={`template-${i}`}>
              {t.name}
            </button>
            <span id={`template-${i}`} className="muted">
              {t.summary}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
