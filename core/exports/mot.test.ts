import { describe, expect, it } from 'vitest';
import { mediaInterface, mediaItem } from './media-testing.ts';
import { motFiles, motItemFiles } from './mot.ts';

const tracks = [
  {
    id: 'car-1',
    label: 'car',
    keyframes: [
      { frame: 0, x: 0, y: 0, width: 10, height: 10 },
      { frame: 4, x: 40, y: 20, width: 10, height: 10 },
    ],
  },
  {
    id: 'p',
    label: 'person, walking',
    keyframes: [
      { frame: 1, x: 5, y: 5, width: 2, height: 4 },
      { frame: 2, outside: true as const },
    ],
  },
];

describe('mot', () => {
  it('writes 1-based frames ordered by frame then id, interpolated boxes, conf 1 and -1 for x, y, z', () => {
    const { gt, labels } = motFiles(tracks, 5);
    expect(gt.split('\n')).toEqual([
      '1,1,0,0,10,10,1,-1,-1,-1',
      '2,1,10,5,10,10,1,-1,-1,-1',
      '2,2,5,5,2,4,1,-1,-1,-1',
      '3,1,20,10,10,10,1,-1,-1,-1',
      '4,1,30,15,10,10,1,-1,-1,-1',
      '5,1,40,20,10,10,1,-1,-1,-1',
      '6,1,40,20,10,10,1,-1,-1,-1',
      '',
    ]);
    expect(labels).toBe('id,track_id,label\n1,car-1,car\n2,p,"person, walking"\n');
  });

  it('puts a sequence per item, annotator and question, with seqinfo.ini when the video is probed', () => {
    const files = new Map<string, string>();
    motItemFiles(mediaInterface, { pairs: 'all', threshold: 0.5 }).item(
      mediaItem([{ objects: tracks }]),
      (n, t) => files.set(n, t),
    );
    const seq = 'item-5-ep_1.ada@example.org.objects';
    expect([...files.keys()]).toEqual([`${seq}/gt/gt.txt`, `${seq}/gt/labels.txt`, `${seq}/seqinfo.ini`]);
    expect(files.get(`${seq}/seqinfo.ini`)).toBe(
      `[Sequence]\nname=${seq}\nframeRate=29.97\nseqLength=60\nimWidth=64\nimHeight=48\nimExt=.jpg\n`,
    );
  });
});
