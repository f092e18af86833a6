import type { Ref } from 'react';
import { controlId, type PathError } from '../pathErrors.ts';
import { controlFor, describePath } from './touched.ts';

/** Moves focus to the input a problem is about (or the nearest one around it); false if none is on screen. */
export function focusProblem(path: string): boolean {
  const el = controlFor(path, (id) => document.getElementById(id));
  if (!el) return false;
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
  return true;
}

/**
 * The first of these problems in the page's order whose input is on screen, focused; false when
 * none is (the caller focuses the summary instead).
 */
export function focusFirstProblem(errors: readonly PathError[]): boolean {
  const els = errors
    .map((e) => controlFor(e.path, (id) => document.getElementById(id)))
    .filter((el): el is HTMLElement => el !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const first = els[0];
  if (!first) return false;
  first.focus();
  first.scrollIntoView?.({ block: 'center' });
  return true;
}

/** Every problem of a submitted form, each a link to its input. */
export function ErrorSummary(props: {
  errors: readonly PathError[];
  title: string;
  summaryRef?: Ref<HTMLElement>;
}) {
  if (props.errors.length === 0) return null;
  return (
    <section
      className="error-summary stack-tight"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      ref={props.summaryRef}
    >
      <h2 id="error-summary-title">{props.title}</h2>
      <ul>
        {props.errors.map((e) => (
          <li key={`${e.path} ${e.message}`}>
            <a
              href={`#${controlId(e.path)}`}
              onClick={(ev) => {
                if (focusProblem(e.path)) ev.preventDefault();
              }}
            >
              {describePath(e.path)}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
