import { describe, expect, it } from 'vitest';
import { mediaInterface, mediaItem } from './media-testing.ts';
import { subtitleFile, subtitleFileName, subtitleFiles } from './subtitles.ts';

const talk = [
  { start: 3723.5, end: 3725, text: 'Then <b>&</b> done', speaker: 'bob' },
  { start: 0.25, end: 1.5, text: 'Hello\n\nthere --> you', speaker: 'ada' },
  { start: 2, end: 3, label: 'music' },
  { start: 4, end: 5 },
];

describe('subtitles', () => {
  it('writes WebVTT: header, cues in start order, voices, escapes, no arrow in cue text', () => {
    expect(subtitleFile(talk, 'vtt')).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.250 --> 00:00:01.500',
        '<v ada>Hello',
        'there -&gt; you',
        '',
        '00:00:02.000 --> 00:00:03.000',
        'music',
        '',
        '01:02:03.500 --> 01:02:05.000',
        '<v bob>Then &lt;b&gt;&amp;&lt;/b&gt; done',
        '',
      ].join('\n'),
    );
  });

  it('writes SubRip: numbered cues, commas before milliseconds, the speaker as a prefix', () => {
    expect(subtitleFile(talk, 'srt')).toBe(
      [
        '1',
        '00:00:00,250 --> 00:00:01,500',
        'ada: Hello',
        'there -> you',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        'music',
        '',
        '3',
        '01:02:03,500 --> 01:02:05,000',
        'bob: Then <b>&</b> done',
        '',
      ].join('\n'),
    );
  });

  it('writes the header alone (WebVTT) or nothing (SubRip) for no segments; a speaker alone makes a cue', () => {
    expect(subtitleFile([], 'vtt')).toBe('WEBVTT\n\n');
    expect(subtitleFile([], 'srt')).toBe('');
    const turn = [{ start: 0.0004, end: 1.2346, speaker: 'ada' }];
    expect(subtitleFile(turn, 'vtt')).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.235\n<v ada>\n');
    expect(subtitleFile(turn, 'srt')).toBe('1\n00:00:00,000 --> 00:00:01,235\nada: \n');
  });

  it('names a file by item, annotator and question, and makes one per submitted answer', () => {
    expect(subtitleFileName({ id: 5, externalId: null }, 'ada@example.org', 'talk', 'vtt')).toBe(
      'item-5.ada@example.org.talk.vtt',
    );
    const files: string[] = [];
    subtitleFiles(mediaInterface, 'srt', { pairs: 'all', threshold: 0.5 }).item(
      mediaItem([{ talk }, { talk: [] }, { scenes: [{ start: 0, end: 1, label: 'intro' }] }], {
        externalId: '../ep 1',
      }),
      (name) => files.push(name),
    );
    expect(files).toEqual([
      'item-5-___ep_1.ada@example.org.talk.srt',
      'item-5-___ep_1.tutor1@example.org.talk.srt',
      'item-5-___ep_1.tutor2@example.org.scenes.srt',
    ]);
  });
});
