import type { InterfaceDefinition } from '../../../../core/interface/index.ts';
import { api } from '../../api/client.ts';

interface Answered {
  annotator: string;
  answers: Record<string, unknown>;
}

/**
 * Downloads of each annotation's segments answers as subtitles (WebVTT and SubRip; docs/exports.md):
 * one line per annotation and segments question it answered. Nothing when there are none.
 */
export function SubtitleLinks({
  itemId,
  iface,
  annotations,
}: {
  itemId: number;
  iface: Pick<InterfaceDefinition, 'questions'>;
  annotations: readonly Answered[];
}) {
  const questions = iface.questions.filter((q) => q.type === 'segments').map((q) => q.name);
  const rows = annotations.flatMap((a) =>
    questions
      .filter((q) => Array.isArray(a.answers[q]))
      .map((question) => ({ annotator: a.annotator, question })),
  );
  if (rows.length === 0) return null;
  const href = (format: 'vtt' | 'srt', question: string, annotator: string) =>
    api.url('itemSubtitles', { params: { itemId }, query: { format, question, annotator } });
  return (
    <section className="stack-tight" aria-labelledby="subtitles-title">
      <h2 id="subtitles-title">Subtitles</h2>
      <ul>
        {rows.map(({ annotator, question }) => (
          <li key={`${annotator}\u0000${question}`}>
            <code>{question}</code> by {annotator}:{' '}
            <a href={href('vtt', question, annotator)} download>
              WebVTT
            </a>
            {', '}
            <a href={href('srt', question, annotator)} download>
              SRT
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
