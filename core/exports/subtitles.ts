import { compareSegments, type SegmentAnswer } from '../interface/index.ts';
import type { ExportInterface } from './item-view.ts';
import { fileWord, itemFileId, mediaAnswers } from './media-answers.ts';
import type { ItemFiles, TransformOptions } from './record.ts';
import { timecode } from './timecode.ts';

export type SubtitleFormat = 'vtt' | 'srt';

/**
 * A cue's text lines: the segment's text, or its label when it has none; line breaks kept, blank
 * lines dropped (a blank line ends a cue), and no `-->` (it would read as a timing line).
 */
function cueLines(s: SegmentAnswer): string | undefined {
  const body = s.text !== undefined && s.text.trim() !== '' ? s.text : (s.label ?? '');
  const lines = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/--+>/g, '->').trimEnd())
    .filter((l) => l.trim() !== '');
  return lines.length === 0 ? undefined : lines.join('\n');
}

const escapeVtt = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A segments answer as a WebVTT or SubRip file: a cue per segment in start order (a segment
 * without text, label or speaker makes none). WebVTT names the speaker as a voice (`<v Ada>`)
 * and escapes `&`, `<`, `>`; SubRip numbers its cues and puts the speaker first (`Ada: `).
 */
export function subtitleFile(segments: readonly SegmentAnswer[], format: SubtitleFormat): string {
  const sorted = [...segments].sort(compareSegments);
  const cues: string[] = [];
  for (const s of sorted) {
    const text = cueLines(s);
    if (text === undefined && s.speaker === undefined) continue;
    const mark = format === 'vtt' ? '.' : ',';
    const timing = `${timecode(s.start, mark)} --> ${timecode(s.end, mark)}`;
    if (format === 'vtt') {
      const voice = s.speaker === undefined ? '' : `<v ${s.speaker}>`;
      cues.push(`${timing}\n${voice}${escapeVtt(text ?? '')}\n`);
    } else {
      const who = s.speaker === undefined ? '' : `${s.speaker}: `;
      cues.push(`${cues.length + 1}\n${timing}\n${who}${text ?? ''}\n`);
    }
  }
  const head = format === 'vtt' ? 'WEBVTT\n\n' : '';
  return head + cues.join('\n');
}

/** A subtitle file's name: `<external id or item-<id>>.<annotator>.<question>.<vtt|srt>`. */
export const subtitleFileName = (
  item: { id: number; externalId: string | null },
  annotator: string,
  question: string,
  format: SubtitleFormat,
): string => `${fileWord(itemFileId(item))}.${fileWord(annotator)}.${question}.${format}`;

/** `webvtt` and `srt` (docs/exports.md): a file per item, submitted annotation and segments question. */
export function subtitleFiles(
  iface: ExportInterface,
  format: SubtitleFormat,
  options: TransformOptions,
): ItemFiles {
  return {
    submittedOnly: true,
    item(item, put) {
      for (const a of mediaAnswers(iface, item, 'segments', options.origin))
        put(
          subtitleFileName(item, a.annotation.annotator, a.question, format),
          subtitleFile(a.answer, format),
        );
    },
  };
}
