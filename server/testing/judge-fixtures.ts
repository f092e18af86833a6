import type { Harness, TestUser } from './harness.ts';
import { jsonl } from './harness.ts';
import type { SeenRequest } from './openai-server.ts';

/**
 * A pairwise project for the judge's tests (docs/judge.md): a prompt, a pair of candidates whose
 * model names the judge must never see, and one question of each kind a judge answers, plus a
 * text question it leaves to people.
 */
export const judgeInterface = {
  fields: [
    { name: 'prompt', type: 'text' },
    { name: 'pair', type: 'responses' },
  ],
  questions: [
    { name: 'pref', type: 'pairwise', field: 'pair', scale: 5, required: true },
    { name: 'verdict', type: 'choice', options: ['good', 'bad'], required: true },
    { name: 'clarity', type: 'rating', min: 1, max: 5 },
    { name: 'note', type: 'text', required: true },
  ],
};

/** The candidates' model names: in the items, never in a prompt. */
export const HIDDEN_MODELS = ['secret-model-alpha', 'secret-model-beta'];

export const judgeItem = (n: number) => ({
  id: `pair-${n}`,
  data: {
    prompt: `Question number ${n}: what is ${n} + ${n}?`,
    pair: [
      { id: `c${n}-x`, model: HIDDEN_MODELS[0], content: `It is ${2 * n}.` },
      { id: `c${n}-y`, model: HIDDEN_MODELS[1], content: `It is ${2 * n + 1}.` },
    ],
  },
});

/** The candidate ids a request's schema offers for `pref`, in the order the model was shown them. */
export function offeredIds(req: SeenRequest): string[] {
  const schema = req.jsonSchema?.schema as any;
  return schema?.properties?.answers?.properties?.pref?.properties?.preferred?.anyOf?.[0]?.enum ?? [];
}

/** A valid judge's reply to a request: the second candidate shown is preferred. */
export function goodReply(req: SeenRequest): string {
  return JSON.stringify({
    answers: {
      pref: { preferred: offeredIds(req)[1], strength: 2, justification: 'It adds up.' },
      verdict: 'good',
      clarity: 4,
    },
  });
}

/** A project of `items` pairs with `annotators` people (overlap 2); its id and the people. */
export async function judgeProject(
  h: Harness,
  manager: TestUser,
  opts: { items: number; annotators: number; name?: string },
): Promise<{ projectId: number; itemIds: number[]; annotators: TestUser[] }> {
  const created = await h.call(manager, 'POST', '/api/projects', {
    name: opts.name ?? 'Judged pairs',
    interface: judgeInterface,
    overlap: 2,
    guidelines: 'Prefer the answer that is right.',
  });
  if (created.status !== 201) throw new Error(`project: ${JSON.stringify(created.body)}`);
  const projectId: number = created.body.id;
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(Array.from({ length: opts.items }, (_, i) => judgeItem(i + 1))),
  });
  if (res.statusCode !== 201) throw new Error(`import: ${res.body}`);
  const annotators: TestUser[] = [];
  for (let i = 0; i < opts.annotators; i++) {
    const a = await h.user('annotator');
    const added = await h.call(manager, 'POST', `/api/projects/${projectId}/members`, { userId: a.id });
    if (added.status !== 201) throw new Error(`member: ${JSON.stringify(added.body)}`);
    annotators.push(a);
  }
  const rows = await h.verity.store.db
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();
  return { projectId, itemIds: rows.map((r) => r.id), annotators };
}

/** A model connection to the loopback server, added by an admin; its id. */
export async function addConnection(
  h: Harness,
  admin: TestUser,
  server: { baseURL: string; apiKey: string | null },
  opts: { name: string; model: string },
): Promise<number> {
  const res = await h.call(admin, 'POST', '/api/models', {
    name: opts.name,
    baseUrl: server.baseURL,
    model: opts.model,
    ...(server.apiKey ? { apiKey: server.apiKey } : {}),
    allowPrivateNetwork: true,
  });
  if (res.status !== 201) throw new Error(`connection: ${JSON.stringify(res.body)}`);
  return res.body.id;
}
