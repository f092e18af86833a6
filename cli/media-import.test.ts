import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonl } from '../server/testing/harness.ts';
import { audioInterface, LYING_FILES, wavTone } from '../server/testing/media-fixtures.ts';
import { type CliServer, runCli, startCliServer } from './test-support.ts';

let s: CliServer;
let env: Record<string, string>;
let work: string;
let media: string;
beforeAll(async () => {
  s = await startCliServer();
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
  work = fs.mkdtempSync(path.join(s.config.dataDir, 'cli-media-'));
  media = path.join(work, 'media');
  fs.mkdirSync(path.join(media, 'clips'), { recursive: true });
  fs.writeFileSync(path.join(media, 'clips', 'a.wav'), wavTone({ hz: 440 }));
  fs.writeFileSync(path.join(media, 'clips', 'b.wav'), wavTone({ hz: 880 }));
  fs.writeFileSync(path.join(media, 'fake.wav'), LYING_FILES.html);
  fs.writeFileSync(path.join(work, 'secret.wav'), wavTone({ hz: 100 }));
  fs.symlinkSync(path.join(work, 'secret.wav'), path.join(media, 'escape.wav'));
});
afterAll(async () => s.close());

const api = async (method: string, url: string, body?: unknown) => {
  const res = await fetch(`${env.VERITY_URL}${url}`, {
    method,
    headers: { authorization: `Bearer ${env.VERITY_TOKEN}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return (await res.json()) as any;
};
const newProject = async (): Promise<string> =>
  String((await api('POST', '/api/projects', { name: 'Clips', interface: audioInterface })).id);
const lines = (name: string, rows: unknown[]) => {
  fs.writeFileSync(path.join(work, name), jsonl(rows));
  return path.join(work, name);
};
const mediaRows = async () => (await s.verity.store.db.selectFrom('media').selectAll().execute()).length;

describe('verity import --media', () => {
  it('uploads the files the lines name, once each, and imports the lines with their references', async () => {
    const project = await newProject();
    const file = lines('ok.jsonl', [
      { id: 'one', data: { clip: 'clips/a.wav' } },
      { id: 'two', data: { clip: 'clips/b.wav' } },
      { id: 'three', data: { clip: './clips/a.wav' } },
    ]);
    const r = await runCli(['import', file, '--project', project, '--media', media], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 3, invalid: 0 });
    expect(r.stderr).toContain('2 media files uploaded');
    const items = (await api('GET', `/api/projects/${project}/items`)).items as {
      id: number;
      externalId: string;
    }[];
    const clips = new Map<string, string>();
    for (const i of items) clips.set(i.externalId, (await api('GET', `/api/items/${i.id}`)).item.data.clip);
    expect(clips.get('one')).toMatch(/^media:\d+$/);
    expect(clips.get('three')).toBe(clips.get('one'));
    expect(clips.get('two')).not.toBe(clips.get('one'));
    const one = items.find((i) => i.externalId === 'one')!;
    const served = await fetch(`${env.VERITY_URL}/api/items/${one.id}/media/clip`, {
      headers: { authorization: `Bearer ${env.VERITY_TOKEN}` },
    });
    expect(Buffer.from(await served.arrayBuffer()).equals(wavTone({ hz: 440 }))).toBe(true);
  });

  it('refuses paths out of the folder (.., absolute, a link out) by line and field, uploading nothing', async () => {
    const project = await newProject();
    const before = await mediaRows();
    const file = lines('escape.jsonl', [
      { data: { clip: 'clips/a.wav' } },
      { data: { clip: '../secret.wav' } },
      { data: { clip: path.join(work, 'secret.wav') } },
      { data: { clip: 'escape.wav' } },
      { data: { clip: 'clips/none.wav' } },
    ]);
    const r = await runCli(['import', file, '--project', project, '--media', media], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('4 media paths refused; nothing was uploaded or imported');
    expect(r.stderr).toMatch(/line 2: data\.clip: "\.\.\/secret\.wav" steps out of the --media folder/);
    expect(r.stderr).toMatch(/line 3: data\.clip: ".*secret\.wav" is an absolute path/);
    expect(r.stderr).toMatch(/line 4: data\.clip: "escape\.wav" leads outside the --media folder/);
    expect(r.stderr).toMatch(/line 5: data\.clip: "clips\/none\.wav": no such file/);
    expect(await mediaRows()).toBe(before);
    expect((await api('GET', `/api/projects/${project}/items`)).items).toEqual([]);
  });

  it('names the line and field of a file that is not the media it claims to be, and imports nothing', async () => {
    const project = await newProject();
    const file = lines('fake.jsonl', [{ data: { clip: 'clips/a.wav' } }, { data: { clip: 'fake.wav' } }]);
    const r = await runCli(['import', file, '--project', project, '--media', media], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 2: data\.clip: "fake\.wav" was not uploaded: .*look like markup/);
    expect((await api('GET', `/api/projects/${project}/items`)).items).toEqual([]);
  });
});
