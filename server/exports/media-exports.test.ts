import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaInterfaceInput } from '../../core/exports/media-testing.ts';
import { frameCount, parseFrameRate } from '../../core/media/frame-rate.ts';
import { addMembers, next, seedUser, submit } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';
import { FAST_RUNNER } from '../testing/job-fixtures.ts';
import { ffmpegMade, uploadMedia, wavTone } from '../testing/media-fixtures.ts';
import { endedJob } from '../testing/media-jobs-fixture.ts';

/**
 * The media formats (docs/exports.md) read back through the API from real submitted answers over
 * a probed WAV and a 29.97 fps MP4: segments, subtitles (parsed as WebVTT and SubRip), RTTM,
 * NeMo, video segments, tracks as CSV and MOT, and one annotation's subtitles.
 */
const iface = mediaInterfaceInput;

const answersOf = (who: number) => ({
  talk: [
    { start: 0.25, end: 1.5, label: 'speech', text: `Hello <there> & --> ${who}`, speaker: 'ada' },
    { start: 1.5, end: 1.9, label: 'music' },
  ],
  scenes: [{ start: 0.5, end: 1.5, label: 'intro' }],
  shots: [
    { frame: 0, label: 'day' },
    { frame: 30, label: 'night' },
  ],
  objects: [
    {
      id: 'car-1',
      label: 'car',
      keyframes: [
        { frame: 0, x: 0, y: 0, width: 10, height: 10 },
        { frame: 10, x: 20, y: 10, width: 10, height: 10 },
      ],
    },
  ],
});

let h: Harness;
let admin: TestUser;
let annotators: TestUser[];
let projectId: number;
let itemIds: number[];
/** The file id of the item imported as "ep 1": its id and its cleaned external id. */
const epFile = () => `item-${itemIds[0]}-ep_1`;
/** The video's last frame, from the JSONL export's probed facts. */
let lastFrame: number;
let wavSeconds: number;

beforeAll(async () => {
  h = await startHarness({ runJobs: true, jobRunner: FAST_RUNNER });
  admin = await h.user('admin');
  const p = await h.call(admin, 'POST', '/api/projects', {
    name: 'Media exports',
    interface: iface,
    overlap: 2,
  });
  projectId = p.body.id;
  const wav = await uploadMedia(h, admin, projectId, wavTone({ seconds: 2, sampleRate: 16000 }), {
    name: 'a.wav',
  });
  const mp4 = ffmpegMade(
    ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=30000/1001', '-t', '2', '-c:v', 'mpeg4'],
    'mp4',
  );
  const film = await uploadMedia(h, admin, projectId, mp4, { name: 'f.mp4' });
  const w = { h, admin, stranger: admin, projectId, close: async () => {} };
  for (const id of [wav.body.id, film.body.id])
    expect((await endedJob(w, 'probe', id)).status).toBe('succeeded');
  const data = { clip: wav.body.ref, film: film.body.ref };
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl([{ id: 'ep 1', data }, { data }]),
  });
  expect(res.statusCode, res.body).toBe(201);
  annotators = [await seedUser(h.verity, 'annotator'), await seedUser(h.verity, 'annotator')];
  await addMembers(h, admin, projectId, annotators);
  itemIds = [];
  for (const [i, who] of annotators.entries())
    for (let k = 0; k < 2; k++) {
      const n = await next(h, who, projectId);
      const s = await submit(h, who, n.body.assignment.id, answersOf(i));
      expect(s.status, JSON.stringify(s.body)).toBeLessThan(300);
      if (i === 0) itemIds.push(n.body.item.id);
    }
  itemIds.sort((a, b) => a - b);
  const line = JSON.parse((await get('format=jsonl')).text.split('\n')[0]!);
  const facts = line.mediaFacts.film;
  lastFrame = frameCount(facts.durationSeconds, parseFrameRate(facts.frameRate)!) - 1;
  wavSeconds = line.mediaFacts.clip.durationSeconds;
  expect(facts.frameRate).toBe('30000/1001');
}, 120_000);
afterAll(async () => h?.close());

async function get(query: string, url = `/api/projects/${projectId}/export?${query}`, who = admin) {
  const res = await h.verity.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${who.token}` },
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return {
    text: res.body,
    bytes: res.rawPayload,
    type: String(res.headers['content-type']),
    disposition: String(res.headers['content-disposition']),
  };
}
const linesOf = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
const unzip = (bytes: Buffer) =>
  new Map(
    Object.entries(unzipSync(new Uint8Array(bytes))).map(([k, v]) => [k, Buffer.from(v).toString('utf8')]),
  );

const TIMING = /^(\d{2,}):(\d{2}):(\d{2})([.,])(\d{3}) --> (\d{2,}):(\d{2}):(\d{2})([.,])(\d{3})$/;

/** A WebVTT file's cues, checked for its structure: the header, blank lines, timing lines. */
function parseVtt(text: string) {
  const [head, ...blocks] = text.trimEnd().split('\n\n');
  expect(head).toBe('WEBVTT');
  return blocks.map((b) => {
    const [timing, ...lines] = b.split('\n');
    expect(timing).toMatch(TIMING);
    expect(timing!.match(TIMING)![4]).toBe('.');
    for (const l of lines) expect(l).not.toContain('-->');
    return { timing, text: lines.join('\n') };
  });
}

function parseSrt(text: string) {
  return text
    .trimEnd()
    .split('\n\n')
    .map((b, i) => {
      const [index, timing, ...lines] = b.split('\n');
      expect(index).toBe(String(i + 1));
      expect(timing).toMatch(TIMING);
      expect(timing!.match(TIMING)![4]).toBe(',');
      for (const l of lines) expect(l).not.toContain('-->');
      return { timing, text: lines.join('\n') };
    });
}

describe('media exports', () => {
  it('segments: a line per segment, absolute media URLs, exact frames over the 29.97 fps video', async () => {
    const res = await get('format=segments');
    expect(res.type).toBe('application/x-ndjson; charset=utf-8');
    expect(res.disposition).toBe(`attachment; filename="project-${projectId}-segments.jsonl"`);
    const lines = linesOf(res.text);
    expect(lines).toHaveLength(2 * 2 * 3);
    const first = lines[0];
    expect(first).toMatchObject({
      item_id: itemIds[0],
      external_id: 'ep 1',
      question: 'talk',
      start: 0.25,
      end: 1.5,
      duration: 1.25,
      speaker: 'ada',
      label: 'speech',
    });
    expect(first.media_url).toMatch(new RegExp(`^http://[^/]+/api/items/${itemIds[0]}/media/clip$`));
    expect(first).not.toHaveProperty('start_frame');
    const scene = lines.find((l) => l.question === 'scenes');
    // 0.5 s × 30000/1001 = 14.99 → 14; 1.5 s → 44.96: frame 44 is the last begun.
    expect(scene).toMatchObject({ start_frame: 14, end_frame: 44, text: null, speaker: null });
  });

  it('webvtt and srt: a ZIP with a file per item, annotator and question that parses', async () => {
    const vtt = await get('format=webvtt');
    expect(vtt.type).toBe('application/zip');
    expect(vtt.disposition).toBe(`attachment; filename="project-${projectId}-webvtt.zip"`);
    const files = unzip(vtt.bytes);
    expect(files.size).toBe(2 * 2 * 2);
    const name = `${epFile()}.${annotators[0]!.email}.talk.vtt`;
    const cues = parseVtt(files.get(name)!);
    expect(cues).toEqual([
      { timing: '00:00:00.250 --> 00:00:01.500', text: '<v ada>Hello &lt;there&gt; &amp; -&gt; 0' },
      { timing: '00:00:01.500 --> 00:00:01.900', text: 'music' },
    ]);
    expect(parseVtt(files.get(`item-${itemIds[1]}.${annotators[1]!.email}.scenes.vtt`)!)).toHaveLength(1);
    const srt = unzip((await get('format=srt')).bytes);
    expect(parseSrt(srt.get(`${epFile()}.${annotators[1]!.email}.talk.srt`)!)).toEqual([
      { timing: '00:00:00,250 --> 00:00:01,500', text: 'ada: Hello <there> & -> 1' },
      { timing: '00:00:01,500 --> 00:00:01,900', text: 'music' },
    ]);
  });

  it('rttm: a SPEAKER line per segment with a speaker', async () => {
    const res = await get('format=rttm');
    expect(res.disposition).toBe(`attachment; filename="project-${projectId}.rttm"`);
    expect(res.text.trimEnd().split('\n')).toEqual([
      `SPEAKER ${epFile()} 1 0.250 1.250 <NA> <NA> ada <NA> <NA>`,
      `SPEAKER ${epFile()} 1 0.250 1.250 <NA> <NA> ada <NA> <NA>`,
      `SPEAKER item-${itemIds[1]} 1 0.250 1.250 <NA> <NA> ada <NA> <NA>`,
      `SPEAKER item-${itemIds[1]} 1 0.250 1.250 <NA> <NA> ada <NA> <NA>`,
    ]);
  });

  it('nemo: per segment with offsets, per file with the probed duration', async () => {
    const segments = linesOf((await get('format=nemo')).text);
    expect(segments).toHaveLength(4);
    expect(segments[0]).toEqual({
      audio_filepath: expect.stringMatching(/^http:\/\/[^/]+\/api\/items\/\d+\/media\/clip$/),
      offset: 0.25,
      duration: 1.25,
      text: 'Hello <there> & --> 0',
    });
    const files = linesOf((await get('format=nemo&nemoPer=file')).text);
    expect(files).toHaveLength(4);
    expect(files[0]).toMatchObject({ duration: wavSeconds, text: 'Hello <there> & --> 0' });
    const refused = await h.call(
      admin,
      'GET',
      `/api/projects/${projectId}/export?format=segments&nemoPer=file`,
    );
    expect(refused.status).toBe(400);
  });

  it('video-segments: video segments and frame label runs to the last frame', async () => {
    const lines = linesOf((await get('format=video-segments')).text);
    expect(lines).toHaveLength(4 * 3);
    const runs = lines.filter((l) => l.kind === 'frames' && l.item_id === itemIds[0]);
    expect(runs.slice(0, 2)).toMatchObject([
      { start_frame: 0, end_frame: 29, label: 'day', start: 0, end: 1.001 },
      { start_frame: 30, end_frame: lastFrame, label: 'night', start: 1.001 },
    ]);
  });

  it('tracks-csv and mot: every frame of the track, interpolated between keyframes and held to the end', async () => {
    const csv = await get('format=tracks-csv');
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'item_id,external_id,annotator,question,track_id,label,frame,x,y,width,height,keyframe',
    );
    expect(rows).toHaveLength(1 + 4 * (lastFrame + 1));
    expect(rows[6]).toBe(`${itemIds[0]},ep 1,${annotators[0]!.email},objects,car-1,car,5,10,5,10,10,false`);
    const mot = unzip((await get('format=mot')).bytes);
    const seq = `${epFile()}.${annotators[0]!.email}.objects`;
    const gt = mot.get(`${seq}/gt/gt.txt`)!.trimEnd().split('\n');
    expect(gt).toHaveLength(lastFrame + 1);
    expect(gt[5]).toBe('6,1,10,5,10,10,1,-1,-1,-1');
    expect(mot.get(`${seq}/gt/labels.txt`)).toBe('id,track_id,label\n1,car-1,car\n');
    expect(mot.get(`${seq}/seqinfo.ini`)).toContain(`seqLength=${lastFrame + 1}`);
    expect(mot.size).toBe(4 * 3);
  });

  it("one annotation's subtitles: its annotator and managers may have them, others not; audited", async () => {
    const [ada, bob] = annotators as [TestUser, TestUser];
    const url = (q: string) => `/api/items/${itemIds[0]}/subtitles?${q}`;
    const own = await get('', url('question=talk'), ada);
    expect(own.type).toBe('text/vtt; charset=utf-8');
    expect(own.disposition).toBe(`attachment; filename="${epFile()}.${ada.email}.talk.vtt"`);
    expect(parseVtt(own.text)).toHaveLength(2);
    const srt = await get('', url(`format=srt&question=talk&annotator=${encodeURIComponent(bob.email)}`));
    expect(srt.type).toBe('application/x-subrip; charset=utf-8');
    expect(parseSrt(srt.text)[0]!.text).toBe('ada: Hello <there> & -> 1');
    const theirs = await h.call(ada, 'GET', url(`question=talk&annotator=${encodeURIComponent(bob.email)}`));
    expect(theirs.status).toBe(404);
    const notSegments = await h.call(admin, 'GET', url('question=shots'));
    expect(notSegments.status).toBe(400);
    const entries = await h.verity.store.db
      .selectFrom('auditLog')
      .select(['action', 'targetId', 'after'])
      .where('action', '=', 'export.subtitles')
      .execute();
    expect(entries.map((e) => JSON.parse(e.after!))).toEqual([
      { format: 'vtt', filters: { question: 'talk', annotator: ada.email } },
      { format: 'srt', filters: { question: 'talk', annotator: bob.email } },
    ]);
  });
});
