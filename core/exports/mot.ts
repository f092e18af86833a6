import { type TrackAnswer, trackBoxes } from '../interface/index.ts';
import { type FrameRate, frameRateValue } from '../media/frame-rate.ts';
import type { ExportInterface } from './item-view.ts';
import { fileWord, itemFileId, mediaAnswers } from './media-answers.ts';
import type { ExportedMediaFacts, ItemFiles, TransformOptions } from './record.ts';

/**
 * A tracks answer as MOTChallenge ground truth: `gt.txt` rows
 * `frame,id,bb_left,bb_top,bb_width,bb_height,conf,x,y,z` ordered by frame then id, frames from 1,
 * tracks numbered from 1 in the answer's order, conf 1 and -1 for the world coordinates; and
 * `labels.txt` (CSV: `id,track_id,label`) mapping those numbers back to the answer's tracks.
 */
export function motFiles(
  tracks: readonly TrackAnswer[],
  lastFrame: number | null,
): { gt: string; labels: string } {
  const rows: [frame: number, id: number, line: string][] = [];
  tracks.forEach((track, i) => {
    const id = i + 1;
    for (const b of trackBoxes(track, lastFrame))
      rows.push([b.frame + 1, id, `${b.frame + 1},${id},${b.x},${b.y},${b.width},${b.height},1,-1,-1,-1\n`]);
  });
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const labels = tracks.map((t, i) => `${i + 1},${t.id},${csvSafe(t.label)}\n`).join('');
  return { gt: rows.map((r) => r[2]).join(''), labels: `id,track_id,label\n${labels}` };
}

const csvSafe = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The sequence's `seqinfo.ini` when the video's rate and length are known (MOTChallenge's layout). */
export function seqinfo(
  name: string,
  rate: FrameRate | null,
  lastFrame: number | null,
  facts: ExportedMediaFacts | undefined,
): string | undefined {
  if (rate === null || lastFrame === null) return undefined;
  const fps = Math.round(frameRateValue(rate) * 1000) / 1000;
  return `[Sequence]\nname=${name}\nframeRate=${fps}\nseqLength=${lastFrame + 1}\nimWidth=${facts?.width ?? ''}\nimHeight=${facts?.height ?? ''}\nimExt=.jpg\n`;
}

/**
 * `mot` (docs/exports.md): a sequence folder per item, submitted annotation and tracks question,
 * `<external id or item-<id>>.<annotator>.<question>/`, holding `gt/gt.txt`, `gt/labels.txt` and,
 * when the video's facts are known, `seqinfo.ini`.
 */
export function motItemFiles(iface: ExportInterface, options: TransformOptions): ItemFiles {
  return {
    submittedOnly: true,
    item(item, put) {
      for (const a of mediaAnswers(iface, item, 'tracks', options.origin)) {
        const name = `${fileWord(itemFileId(item))}.${fileWord(a.annotation.annotator)}.${a.question}`;
        const { gt, labels } = motFiles(a.answer, a.lastFrame);
        put(`${name}/gt/gt.txt`, gt);
        put(`${name}/gt/labels.txt`, labels);
        const info = seqinfo(name, a.rate, a.lastFrame, a.facts);
        if (info !== undefined) put(`${name}/seqinfo.ini`, info);
      }
    },
  };
}
