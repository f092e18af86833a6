import { describe, expect, it } from 'vitest';
import { emitted, mediaInterface, mediaItem } from './media-testing.ts';
import { tracksCsvTransformer } from './tracks-csv.ts';

const car = {
  id: 'car-1',
  label: 'car',
  keyframes: [
    { frame: 56, x: 0, y: 0, width: 10, height: 10 },
    { frame: 58, x: 20, y: 10, width: 10, height: 12 },
  ],
};

describe('tracks-csv', () => {
  const t = tracksCsvTransformer(mediaInterface, { pairs: 'all', threshold: 0.5 });

  it('writes every frame a track is present, interpolated rows marked, held to the last frame', () => {
    expect(t.header).toBe(
      'item_id,external_id,annotator,question,track_id,label,frame,x,y,width,height,keyframe\r\n',
    );
    const lead = '5,ep 1,ada@example.org,objects,car-1,car';
    expect(emitted(t, mediaItem([{ objects: [car] }]))).toBe(
      [
        `${lead},56,0,0,10,10,true`,
        `${lead},57,10,5,10,11,false`,
        `${lead},58,20,10,10,12,true`,
        `${lead},59,20,10,10,12,false`,
        '',
      ].join('\r\n'),
    );
  });

  it('stops at the last keyframe when the video length is unknown', () => {
    const rows = emitted(t, mediaItem([{ objects: [car] }], { media: {} }))
      .trimEnd()
      .split('\r\n');
    expect(rows.map((r) => r.split(',')[6])).toEqual(['56', '57', '58']);
  });
});
