import { describe, expect, it } from 'vitest';
import { QuestionDefinition } from '../interface/index.ts';
import { scoreGoldAnswer } from './gold-score.ts';

const q = (def: Record<string, unknown>) => QuestionDefinition.parse({ name: 'q', ...def });

describe('gold scores of media kinds', () => {
  it('scores segments by F1 at IoU ≥ 0.5, averaged with 1 − WER when there is text', () => {
    const seg = q({ type: 'segments', field: 'audio', labels: ['speech'], text: 'optional' });
    const gold = [
      { start: 0, end: 4, label: 'speech', text: 'hello world' },
      { start: 5, end: 8, label: 'speech', text: 'good bye' },
    ];
    // 0-3 vs 0-4: IoU 0.75, matched; 6-7 vs 5-8: IoU 1/3, not. F1 = 2·1/(2+2) = 0.5.
    // Transcript "hello duck good bye" against "hello world good bye": WER 1/4 → 0.75.
    const given = [
      { start: 0, end: 3, label: 'speech', text: 'Hello duck' },
      { start: 6, end: 7, label: 'speech', text: 'good bye.' },
    ];
    expect(scoreGoldAnswer(seg, given, gold)).toEqual({
      status: 'scored',
      score: 0.625,
      parts: { 'segment F1': 0.5, 'transcript 1 − WER': 0.75 },
    });
    // A lower IoU threshold matches both: F1 1, and the score (1 + 0.75)/2.
    expect(scoreGoldAnswer(seg, given, gold, { iou: 0.3 })).toMatchObject({ score: 0.875 });
    const plain = q({ type: 'segments', field: 'audio', labels: ['speech'] });
    expect(scoreGoldAnswer(plain, given, gold)).toMatchObject({ score: 0.5, parts: { 'segment F1': 0.5 } });
  });

  it('clamps 1 − WER at 0', () => {
    const seg = q({ type: 'segments', field: 'audio', text: 'required' });
    const r = scoreGoldAnswer(
      seg,
      [{ start: 0, end: 1, text: 'a b c d' }],
      [{ start: 0, end: 1, text: 'x' }],
    );
    expect(r).toMatchObject({ parts: { 'segment F1': 1, 'transcript 1 − WER': 0 }, score: 0.5 });
  });

  it('scores frames by the share of gold frames agreeing', () => {
    const frames = q({ type: 'frames', field: 'clip', labels: ['walk', 'run'] });
    const gold = [
      { frame: 0, label: 'walk' },
      { frame: 5, label: 'run' },
      { frame: 9, label: 'run' },
    ];
    const given = [
      { frame: 0, label: 'walk' },
      { frame: 7, label: 'run' },
    ];
    expect(scoreGoldAnswer(frames, given, gold)).toEqual({ status: 'scored', score: 0.8 });
  });

  it('scores tracks by IDF1 and keeps the matched track IoU', () => {
    const tracks = q({ type: 'tracks', field: 'clip', labels: ['car'] });
    const box = (frame: number, x: number) => ({ frame, x, y: 0, width: 10, height: 10 });
    const gold = [{ id: 'g', label: 'car', keyframes: [box(0, 0), box(3, 0)] }];
    // Frames 0-1 at x 0 (IoU 1), 2-3 at x 5 (IoU 1/3): IDTP 2 of 4 + 4 boxes; track IoU 2/3.
    const given = [{ id: 'a', label: 'car', keyframes: [box(0, 0), box(1, 0), box(2, 5), box(3, 5)] }];
    const r = scoreGoldAnswer(tracks, given, gold);
    expect(r).toMatchObject({ status: 'scored', score: 0.5, parts: { IDF1: 0.5 } });
    expect(r.status === 'scored' && r.parts?.['track IoU']).toBeCloseTo(2 / 3, 12);
  });
});
