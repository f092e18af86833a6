import { describe, expect, it } from 'vitest';
import { InterfaceDefinition } from '../../../../core/interface/index.ts';
import { afterUse, overlayQuestion, pictureQuestion, videoClipsOf } from './clips.ts';

const iface = InterfaceDefinition.parse({
  fields: [
    { name: 'clip', type: 'video' },
    { name: 'other', type: 'video' },
    { name: 'talk', type: 'audio' },
  ],
  questions: [
    { name: 'ok', type: 'choice', options: ['yes', 'no'] },
    { name: 'said', type: 'segments', field: 'talk', labels: ['a'] },
    { name: 'scene', type: 'frames', field: 'clip', labels: ['indoor', 'outdoor'] },
    { name: 'cars', type: 'tracks', field: 'clip', labels: ['car'] },
    { name: 'events', type: 'segments', field: 'other', labels: ['a'] },
    { name: 'people', type: 'tracks', field: 'clip', labels: ['person'] },
  ],
});

describe('the questions sharing a video', () => {
  const [clip, other] = videoClipsOf(iface);

  it('groups the questions over each video field, in order, leaving audio and other questions out', () => {
    expect(videoClipsOf(iface)).toEqual([
      {
        field: 'clip',
        questions: [
          { name: 'scene', type: 'frames' },
          { name: 'cars', type: 'tracks' },
          { name: 'people', type: 'tracks' },
        ],
      },
      { field: 'other', questions: [{ name: 'events', type: 'segments' }] },
    ]);
  });

  it('shows the picture at the first question over the field', () => {
    expect(pictureQuestion(clip!)).toBe('scene');
    expect(pictureQuestion(other!)).toBe('events');
  });

  it('gives the overlay to the tracks question last used, else the first; none without tracks', () => {
    expect(overlayQuestion(clip!, undefined)).toBe('cars');
    expect(overlayQuestion(clip!, 'people')).toBe('people');
    expect(overlayQuestion(clip!, 'scene')).toBe('cars');
    expect(overlayQuestion(other!, undefined)).toBeUndefined();
  });

  it('remembers a tracks question when used; other questions leave the overlay where it was', () => {
    expect(afterUse(clip!, undefined, 'people')).toBe('people');
    expect(afterUse(clip!, 'people', 'scene')).toBe('people');
    expect(afterUse(clip!, 'people', 'cars')).toBe('cars');
    expect(afterUse(clip!, 'people', 'events')).toBe('people');
  });
});
