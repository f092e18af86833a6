import { RichText } from '../render/RichText.tsx';
import './guidelines.css';

/**
 * A project's guidelines, rendered: the one component the annotation view, the project page and
 * My work all show them with, with its own styles (guidelines.css, loaded with it), so they look
 * the same whichever page was opened first.
 */
export function GuidelinesText({ source, empty }: { source: string; empty: string }) {
  return (
    <div className="guidelines-text">
      {source.trim() ? <RichText source={source} /> : <p className="muted">{empty}</p>}
    </div>
  );
}
