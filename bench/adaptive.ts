import { send, sendJson } from './client.ts';
import { consensusOf } from './consensus.ts';
import type { StoreRun } from './context.ts';
import { progress } from './report.ts';
import type { BenchUser } from './server-child.ts';
import { addAnnotators, importLines } from './setup.ts';

/**
 * Adaptive overlap against a fixed one (docs/quality.md, "Adaptive overlap"): a synthetic project
 * of ITEMS items with a known answer each (one choice question, LABELS labels), worked through the
 * product's API by simulated annotators of known accuracy (a wrong answer is one of the other
 * labels, uniformly), all at once until no work is left. Run once with a fixed overlap and once
 * with adaptive overlap; each run reports the annotations spent, the expert-hours they cost at
 * MINUTES_PER_ITEM, and the accuracy of the majority vote from the product's own consensus export.
 * An annotator's answer to an item is fixed by a hash of the pair, so both runs draw on the same
 * judgements: they differ only in who is asked for what. Runs on the run's first store only.
 */

const ITEMS = 600;
const LABELS = 3;
/** The simulated annotators' accuracies (mean 0.74). */
const ACCURACIES = [0.6, 0.65, 0.65, 0.7, 0.7, 0.75, 0.75, 0.8, 0.85, 0.9];
const FIXED = 5;
const ADAPTIVE = { min: 2, max: 6, threshold: 0.5 };
/** Expert time per annotation, for the expert-hours figure. */
export const MINUTES_PER_ITEM = 4;

export async function runAdaptive(run: StoreRun): Promise<void> {
  const server = run.servers[0]!;
  const people = await server.createUsers('annotator', ACCURACIES.length, 'adaptive');
  const truth = Array.from({ length: ITEMS }, (_, k) => hash(k, 7919) % LABELS);
  const fixed = await benchProject(run, people, truth, { overlap: FIXED, adaptiveOverlap: null });
  const adaptive = await benchProject(run, people, truth, {
    overlap: ADAPTIVE.min,
    adaptiveOverlap: { max: ADAPTIVE.max, threshold: ADAPTIVE.threshold },
  });
  for (const [name, r] of [
    ['fixed', fixed],
    ['adaptive', adaptive],
  ] as const) {
    run.report.add(`adaptive.${name}.annotations`, r.annotations, 'count');
    run.report.add(`adaptive.${name}.expert_hours`, (r.annotations * MINUTES_PER_ITEM) / 60, 'hours');
    run.report.add(`adaptive.${name}.majority_accuracy`, 100 * r.accuracy, 'percent');
  }
  run.report.add(
    'adaptive.annotations_saved',
    100 * (1 - adaptive.annotations / fixed.annotations),
    'percent',
  );
}

interface Outcome {
  annotations: number;
  accuracy: number;
}

async function benchProject(
  run: StoreRun,
  people: BenchUser[],
  truth: number[],
  settings: { overlap: number; adaptiveOverlap: { max: number; threshold: number } | null },
): Promise<Outcome> {
  const server = run.servers[0]!;
  const label = settings.adaptiveOverlap ? 'adaptive' : 'fixed';
  const project = await sendJson<{ id: number }>(
    {
      method: 'POST',
      url: `${server.url}/api/projects`,
      token: run.admin.token,
      json: {
        name: `adaptive overlap: ${label}`,
        interface: {
          fields: [{ name: 'text', type: 'text' }],
          questions: [{ name: 'label', type: 'choice', options: ['0', '1', '2'] }],
        },
        itemOrder: 'random',
        ...settings,
      },
    },
    201,
  );
  const lines = truth.map((_, k) => JSON.stringify({ data: { text: `task ${k}` } }));
  await importLines(server, run.admin, project.id, lines);
  await addAnnotators(server, run.admin, project.id, people);
  progress(`adaptive.${label}: ${people.length} annotators on ${truth.length} items`);
  let annotations = 0;
  await Promise.all(
    people.map(async (who, a) => {
      for (let k = 0; ; k++) {
        const work = await send({
          method: 'POST',
          url: `${server.url}/api/projects/${project.id}/assignments/next`,
          token: who.token,
        });
        if (work.status === 204) return;
        if (work.status !== 200) throw new Error(`next: ${work.status} ${work.text.slice(0, 300)}`);
        const { item, assignment } = JSON.parse(work.text) as {
          item: { data: { text: string } };
          assignment: { id: number };
        };
        const task = Number(item.data.text.slice('task '.length));
        await sendJson(
          {
            method: 'POST',
            url: `${server.url}/api/assignments/${assignment.id}/submit`,
            token: who.token,
            json: {
              answers: { label: String(answerOf(a, task, truth[task]!)) },
              activeMs: 1000,
              idempotencyKey: `adaptive-${project.id}-${who.id}-${k}`,
            },
          },
          200,
        );
        annotations += 1;
      }
    }),
  );
  const consensus = await consensusOf(run, project.id, 'majority');
  let right = 0;
  truth.forEach((t, k) => {
    if (consensus.get(`task ${k}`) === t) right += 1;
  });
  return { annotations, accuracy: right / truth.length };
}

/** Annotator `a`'s answer to task `k`: the truth with their accuracy, else another label. */
function answerOf(a: number, k: number, truth: number): number {
  const u = hash(a * 100_003 + k, 104_729) / 2 ** 32;
  if (u < ACCURACIES[a]!) return truth;
  return (truth + 1 + (hash(a * 7 + k * 13, 15_485_863) % (LABELS - 1))) % LABELS;
}

/** A 32-bit integer hash (a round of xorshift-multiply), deterministic across runs. */
function hash(n: number, salt: number): number {
  let x = (n * 0x9e3779b1 + salt) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}
