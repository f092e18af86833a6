import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, next, saveDraft, seedUser, submit } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';
import { FAST_RUNNER, until } from '../testing/job-fixtures.ts';
import { ffmpegMade, uploadMedia, wavTone } from '../testing/media-fixtures.ts';

/** Answers over media checked against the probed facts (docs/media.md, "Segments" and "Tracks"). */
const mediaInterface = {
  fields: [
    { name: 'recording', type: 'audio' },
    { name: 'clip', type: 'video' },
  ],
  questions: [
    { name: 'question', type: 'segments', field: 'recording', labels: ['speech'] },
    { name: 'objects', type: 'tracks', field: 'clip', labels: ['square'] },
  ],
};
/** 1.5 s of tone, and one second of 25 fps video (frames 0-24), 64×48. */
const recording = wavTone({ seconds: 1.5 });
const clip = ffmpegMade(
  [...['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=25'], ...['-t', '1', '-an', '-c:v', 'mpeg4']],
  'mp4',
);
const segment = (start: number, end: number) => ({ start, end, label: 'speech' });
const track = (...frames: number[]) => [
  {
    id: 't1',
    label: 'square',
    keyframes: frames.map((frame) => ({ frame, x: 1, y: 1, width: 10, height: 10 })),
  },
];
const pastTheEnd = { question: [segment(0, 1), segment(1.2, 3)] };
const pastTheLastFrame = { question: [segment(0, 1)], objects: track(0, 40) };

interface World {
  h: Harness;
  manager: TestUser;
  annotator: TestUser;
  projectId: number;
  /** The item's data: its recording and clip. */
  data: { recording: string; clip: string };
}

async function mediaWorld(runJobs: boolean): Promise<World> {
  const h = await startHarness(runJobs ? { runJobs: true, jobRunner: FAST_RUNNER } : {});
  const manager = await seedUser(h.verity, 'manager');
  const annotator = await seedUser(h.verity, 'annotator');
  const p = await h.call(manager, 'POST', '/api/projects', {
    name: 'Media answers',
    interface: mediaInterface,
  });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  const projectId = p.body.id as number;
  await addMembers(h, manager, projectId, [annotator]);
  const audio = await uploadMedia(h, manager, projectId, recording, { name: 'tone.wav' });
  const video = await uploadMedia(h, manager, projectId, clip, {
    name: 'clip.mp4',
    contentType: 'video/mp4',
  });
  expect([audio.status, video.status]).toEqual([201, 201]);
  return { h, manager, annotator, projectId, data: { recording: audio.body.ref, clip: video.body.ref } };
}

/** Imports `lines` (each with the world's item data); the response. */
const importLines = (w: World, lines: Record<string, unknown>[]) =>
  w.h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${w.projectId}/items`,
    headers: { authorization: `Bearer ${w.manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(lines.map((l) => ({ data: w.data, ...l }))),
  });

const annotated = (answers: unknown) => ({ annotations: [{ annotator: 'Grace (external)', answers }] });

describe('answers over probed media', () => {
  let w: World;
  beforeAll(async () => {
    w = await mediaWorld(true);
    await until(async () => {
      const rows = await w.h.verity.store.db
        .selectFrom('media')
        .select(['durationSeconds', 'frameRate'])
        .execute();
      return rows.length === 2 && rows.every((r) => r.durationSeconds !== null) ? true : undefined;
    }, 60_000);
  });
  afterAll(async () => {
    await w?.h.close();
  });

  it('refuses a segment past the end of the recording and a keyframe past the last frame, draft or submit', async () => {
    const res = await importLines(w, [{}]);
    expect(res.statusCode, res.body).toBe(201);
    const work = await next(w.h, w.annotator, w.projectId);
    const assignmentId = work.body.assignment.id as number;
    for (const send of [saveDraft, submit]) {
      const segments = await send(w.h, w.annotator, assignmentId, pastTheEnd);
      expect(segments.status).toBe(422);
      expect(segments.body.error.code).toBe('INVALID_ANSWERS');
      expect(segments.body.error.message).toBe('question[1].end: 3 s is past the end of the media (1.5 s)');
      const tracks = await send(w.h, w.annotator, assignmentId, pastTheLastFrame);
      expect(tracks.status).toBe(422);
      expect(tracks.body.error.code).toBe('INVALID_ANSWERS');
      expect(tracks.body.error.message).toMatch(
        /^objects\[0\]\.keyframes\[1\]\.frame: frame 40 is past the last frame \(2[45]\)$/,
      );
    }
    const ok = await submit(w.h, w.annotator, assignmentId, {
      question: [segment(0, 1.5)],
      objects: track(0, 24),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.annotation.answers.question).toEqual([segment(0, 1.5)]);
  });

  it('refuses imported annotations, gold and predictions that go past the media', async () => {
    const res = await importLines(w, [
      annotated(pastTheEnd),
      { gold: pastTheLastFrame },
      { predictions: [{ agent: 'asr', answers: pastTheEnd }] },
    ]);
    expect(res.statusCode).toBe(422);
    const errors = JSON.parse(res.body).error.details.errors as { line: number; message: string }[];
    expect(errors.map((e) => e.message)).toEqual([
      'line 1: annotations[0].answers.question[1].end: 3 s is past the end of the media (1.5 s)',
      expect.stringMatching(
        /^line 2: gold\.objects\[0\]\.keyframes\[1\]\.frame: frame 40 is past the last frame/,
      ),
      'line 3: predictions[0].answers.question[1].end: 3 s is past the end of the media (1.5 s)',
    ]);
  });
});

describe('answers over media not probed yet', () => {
  let w: World;
  beforeAll(async () => {
    w = await mediaWorld(false);
  });
  afterAll(async () => {
    await w?.h.close();
  });

  it('accepts them: the facts are unknown, so only the shape is checked', async () => {
    const facts = await w.h.verity.store.db.selectFrom('media').select('durationSeconds').execute();
    expect(facts).toEqual([{ durationSeconds: null }, { durationSeconds: null }]);
    const res = await importLines(w, [{}, annotated(pastTheEnd), { gold: pastTheLastFrame }]);
    expect(res.statusCode, res.body).toBe(201);
    const work = await next(w.h, w.annotator, w.projectId);
    const sub = await submit(w.h, w.annotator, work.body.assignment.id, {
      ...pastTheEnd,
      ...pastTheLastFrame,
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  });

  it('counts the answers holding a label a new interface version removes', async () => {
    const withLabels = (question: string[], objects: string[]) => ({
      ...mediaInterface,
      questions: [
        { ...mediaInterface.questions[0], labels: question },
        { ...mediaInterface.questions[1], labels: objects },
      ],
    });
    const patch = (iface: object) =>
      w.h.call(w.manager, 'PATCH', `/api/projects/${w.projectId}`, { interface: iface });
    const added = await patch(withLabels(['speech', 'music'], ['square', 'person']));
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const removed = await patch(withLabels(['music'], ['person']));
    expect(removed.status).toBe(409);
    // The imported annotation and the submitted one hold speech; only the submitted one a square.
    expect(removed.body.error.details).toEqual({
      affectedAnswers: 2,
      changes: [
        { kind: 'label_removed', question: 'question', label: 'speech', answers: 2 },
        { kind: 'label_removed', question: 'objects', label: 'square', answers: 1 },
      ],
    });
  });
});
