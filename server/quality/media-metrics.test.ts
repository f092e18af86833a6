import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildProject, next, postItems, seedUser, submit } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { FAST_RUNNER, until } from '../testing/job-fixtures.ts';
import { ffmpegMade, uploadMedia } from '../testing/media-fixtures.ts';

/**
 * The agreement report and gold scores of segments, frames and tracks questions, from answers
 * submitted through the API by two annotators on one item of a generated video (probed by the
 * job runner: 8 s at 5 frames a second, so frames 0-39), checked against hand-worked values.
 */

let h: Harness;
let manager: TestUser;
/** An 8-second 64×48 test pattern at 5 frames a second, made by the server's ffmpeg. */
let video: Buffer;
beforeAll(async () => {
  h = await startHarness({ runJobs: true, jobRunner: FAST_RUNNER });
  manager = await seedUser(h.verity, 'manager');
  video = ffmpegMade(['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5', '-t', '8', '-c:v', 'mpeg4'], 'mp4');
});
afterAll(async () => h.close());

const iface = {
  fields: [
    { name: 'text', type: 'text' },
    { name: 'clip', type: 'video' },
  ],
  questions: [
    { name: 'seg', type: 'segments', field: 'clip', labels: ['speech', 'music'], text: 'optional' },
    { name: 'fr', type: 'frames', field: 'clip', labels: ['walk', 'run'] },
    { name: 'tr', type: 'tracks', field: 'clip', labels: ['car'] },
  ],
};

const box = (frame: number, x: number) => ({ frame, x, y: 0, width: 10, height: 10 });
const answersOf = {
  a: {
    seg: [
      { start: 0, end: 4, label: 'speech', text: 'hello world' },
      { start: 5, end: 6, label: 'music' },
    ],
    fr: [
      { frame: 0, label: 'walk' },
      { frame: 2, label: 'run' },
    ],
    tr: [{ id: 'c1', label: 'car', keyframes: [box(0, 0), box(3, 0)] }],
  },
  b: {
    seg: [
      { start: 1, end: 4, label: 'speech', text: 'Hello duck!' },
      { start: 5, end: 6, label: 'music' },
    ],
    fr: [
      { frame: 0, label: 'walk' },
      { frame: 3, label: 'run' },
    ],
    tr: [{ id: 't', label: 'car', keyframes: [box(0, 0), box(1, 0), box(2, 5), box(3, 5)] }],
  },
};

async function work(who: TestUser, projectId: number, answers: unknown) {
  const got = await next(h, who, projectId);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  const res = await submit(h, who, got.body.assignment.id, answers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A project over one uploaded clip: one item, or one gold item with `gold` answers. */
async function clipProject(opts: { overlap: number; gold?: unknown }) {
  const projectId = await buildProject(h, manager, { interface: iface, overlap: opts.overlap });
  const up = await uploadMedia(h, manager, projectId, video, { contentType: 'video/mp4' });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const line = { data: { text: 'clip', clip: up.body.ref }, ...(opts.gold ? { gold: opts.gold } : {}) };
  await postItems(h.verity, manager, projectId, [line]);
  await until(async () => {
    const row = await h.verity.store.db
      .selectFrom('media')
      .select('probedAt')
      .where('id', '=', up.body.id)
      .executeTakeFirst();
    return row?.probedAt ? true : undefined;
  });
  if (opts.gold)
    expect(
      (await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { gold: { warmup: 1 } })).status,
    ).toBe(200);
  const annotators = [await seedUser(h.verity, 'annotator'), await seedUser(h.verity, 'annotator')];
  await addMembers(h, manager, projectId, annotators);
  return { projectId, annotators: annotators as [TestUser, TestUser] };
}

describe('agreement of media questions through the API', () => {
  let projectId: number;
  beforeAll(async () => {
    const p = await clipProject({ overlap: 2 });
    projectId = p.projectId;
    await work(p.annotators[0], projectId, answersOf.a);
    await work(p.annotators[1], projectId, answersOf.b);
  });

  it('reports segment F1, uα, WER, frames agreeing and track IoU and IDF1', async () => {
    const res = await h.call(manager, 'GET', `/api/projects/${projectId}/metrics`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const q = res.body.questions;
    // speech 0-4 ~ 1-4 (IoU 0.75), music 5-6 ~ 5-6 (IoU 1): F1 1, mean IoU 0.875.
    expect(q.seg.segmentF1).toMatchObject({ iouThreshold: 0.5, f1: 1, meanIoU: 0.875, segments: 4 });
    // "hello world" against "hello duck" (after normalisation), both directions: 2 of 4 words.
    expect(q.seg.transcriptWer).toEqual({ wer: 0.5, words: 4, pairs: 1 });
    // uα on the video's continuum, 0-8 s in milliseconds (L = 8000, m = 2). Speech: A 0-4000,
    // B 1000-4000 overlap: δ² = 1000², twice (both orders): D_o = 2·1000²/(2·8000²). Its D_e from
    // units 4000 and 3000 (N = 2) and gaps 4000 (A), 1000 and 4000 (B); music: units 1000 and 1000,
    // gaps 5000, 2000 on each side, D_o = 0 (docs/quality.md has the formula).
    const term = (l: number, n: number, gaps: number[]) =>
      ((n - 1) / 3) * l * (l - 1) * (2 * l - 1) +
      l * l * gaps.reduce((s, g) => s + Math.max(0, g - l + 1), 0);
    const expected = (units: number[], gaps: number[]) =>
      ((2 / 8000) * units.reduce((s, l) => s + term(l, units.length, gaps), 0)) /
      (16_000 * 15_999 - units.reduce((s, l) => s + l * (l - 1), 0));
    const speech = expected([4000, 3000], [4000, 1000, 4000]);
    const music = expected([1000, 1000], [5000, 2000, 5000, 2000]);
    const observed = (2 * 1000 ** 2) / (2 * 8000 ** 2);
    expect(q.seg.unitizedAlpha.items).toBe(1);
    expect(q.seg.unitizedAlpha.labels).toEqual({
      music: 1,
      speech: expect.closeTo(1 - observed / speech, 9),
    });
    expect(q.seg.unitizedAlpha.alpha).toBeCloseTo(1 - observed / (speech + music), 9);
    expect(q.seg.unitizedAlpha.alpha).toBeCloseTo(0.8528, 4);
    // Frames 0-39 (the video's last frame): each holds its last label to the end; only frame 2
    // differs (run against walk): 39 of 40.
    expect(q.fr.frameAgreement).toEqual({ share: 39 / 40, pairs: 40 });
    expect(q.fr.units).toBe(40);
    expect(q.tr.trackAgreement).toMatchObject({ matched: 1, tracks: 2, idf1: 0.5, boxes: 8 });
    expect(q.tr.trackAgreement.meanIoU).toBeCloseTo(2 / 3, 12);
  });
});

describe('gold scores of media questions through the API', () => {
  it('scores segments by F1 and 1 − WER, frames by share agreeing, tracks by IDF1', async () => {
    const { projectId, annotators } = await clipProject({ overlap: 1, gold: answersOf.a });
    await work(annotators[0], projectId, answersOf.b);
    const res = await h.call(manager, 'GET', `/api/projects/${projectId}/gold`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = res.body.annotators;
    // seg: both segments matched (F1 1); transcript "hello duck" against "hello world": 1 − 1/2.
    // Mean of the two parts: 0.75.
    expect(row.questions.seg).toMatchObject({ n: 1, accuracy: 0.75 });
    // fr: gold walk 0-1, run 2-3 (a gold score reads no media facts: the last frame known is the
    // last either labelled, 3); the answer has walk on frame 2: 3 of 4.
    expect(row.questions.fr).toMatchObject({ n: 1, accuracy: 0.75 });
    // tr: IDF1 2·2/(4 + 4).
    expect(row.questions.tr).toMatchObject({ n: 1, accuracy: 0.5 });
    expect(row.overall).toMatchObject({ n: 3, accuracy: expect.closeTo(2 / 3, 12) });
  });
});
