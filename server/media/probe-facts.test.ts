import { describe, expect, it } from 'vitest';
import { factsFromProbe, rationalValue, reduceRational } from './probe-facts.ts';

const probe = (streams: unknown[], format: unknown = {}) => JSON.stringify({ streams, format });

describe("ffprobe's JSON as facts", () => {
  it('reads a video with sound: exact frame rate, size, codecs, the audio stream', () => {
    const facts = factsFromProbe(
      probe(
        [
          { codec_type: 'video', codec_name: 'h264', width: 64, height: 48, avg_frame_rate: '60000/2002' },
          { codec_type: 'audio', codec_name: 'aac', sample_rate: '44100', channels: 2 },
        ],
        { duration: '1.500000' },
      ),
      'video/mp4',
    );
    expect(facts).toEqual({
      durationSeconds: 1.5,
      sampleRate: 44100,
      channels: 2,
      frameRate: '30000/1001',
      width: 64,
      height: 48,
      codecs: ['h264', 'aac'],
      hasAudio: true,
    });
    expect(rationalValue(facts.frameRate)).toBeCloseTo(29.97, 2);
  });

  it('ignores cover art, gives an image its size only, and refuses a file with no stream to play', () => {
    const song = factsFromProbe(
      probe([
        { codec_type: 'audio', codec_name: 'mp3', sample_rate: '22050', channels: 1, duration: '3.0' },
        {
          codec_type: 'video',
          codec_name: 'mjpeg',
          width: 300,
          height: 300,
          disposition: { attached_pic: 1 },
        },
      ]),
      'audio/mpeg',
    );
    expect(song).toMatchObject({
      durationSeconds: 3,
      width: null,
      frameRate: null,
      codecs: ['mp3', 'mjpeg'],
    });
    const png = factsFromProbe(
      probe([{ codec_type: 'video', codec_name: 'png', width: 1, height: 1, r_frame_rate: '25/1' }]),
      'image/png',
    );
    expect(png).toMatchObject({
      width: 1,
      height: 1,
      frameRate: null,
      durationSeconds: null,
      hasAudio: false,
    });
    expect(() => factsFromProbe(probe([{ codec_type: 'data' }]), 'video/mp4')).toThrow(/no audio or video/);
  });

  it('reduces rationals and refuses 0/0', () => {
    expect(reduceRational('50/2')).toBe('25/1');
    expect(reduceRational('0/0')).toBeNull();
    expect(reduceRational('25')).toBeNull();
  });
});
