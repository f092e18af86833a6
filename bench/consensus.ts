import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { send, sendJson } from './client.ts';
import type { StoreRun } from './context.ts';
import { accuracyOn, type CrowdDataset, readCrowdDataset } from './crowd-data.ts';
import { progress } from './report.ts';
import { importLines } from './setup.ts';

/** ../shared/datasets/crowd beside the repository (its README lists the datasets and their figures). */
const CROWD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/datasets/crowd');
const DATASETS = ['product', 'possent', 'rel', 'adult', 'dog', 'face', 'duck'];

/**
 * Majority-vote and Dawid–Skene accuracy on each crowd dataset through the product's own path:
 * a project with one choice question over the dataset's labels, the tasks imported as items whose
 * lines carry the workers' answers as imported annotations (external annotators), then the JSONL
 * export with `consensus=majority` and `consensus=dawid-skene`, scored against the truth over the
 * tasks that have answers (the README's protocol). An import line holds one annotation per
 * annotator, so where a worker answered a task more than once (rel, adult) the first answer is
 * kept. Runs on the run's first store only: the figures do not depend on the store.
 */
export async function runConsensus(run: StoreRun): Promise<void> {
  if (!fs.existsSync(CROWD)) {
    run.report.note(`skip consensus: no crowd datasets at ${CROWD}`);
    return;
  }
  for (const name of DATASETS) {
    const folder = path.join(CROWD, name);
    if (!fs.existsSync(path.join(folder, 'answer.csv'))) {
      run.report.note(`skip consensus.${name}: not in ${CROWD}`);
      continue;
    }
    await benchDataset(run, readCrowdDataset(folder));
  }
}

async function benchDataset(run: StoreRun, data: CrowdDataset): Promise<void> {
  const server = run.servers[0]!;
  const options = Array.from({ length: data.labels }, (_, k) => String(k));
  const lines: string[] = [];
  let most = 1;
  let annotations = 0;
  for (const [task, answers] of data.answers) {
    const seen = new Set<string>();
    const kept = answers.filter(([worker]) => !seen.has(worker) && seen.add(worker) !== undefined);
    most = Math.max(most, kept.length);
    annotations += kept.length;
    lines.push(
      JSON.stringify({
        data: { text: task },
        annotations: kept.map(([worker, label]) => ({
          annotator: `worker ${worker.replaceAll('@', '_')}`,
          answers: { label: String(label) },
        })),
      }),
    );
  }
  const project = await sendJson<{ id: number }>(
    {
      method: 'POST',
      url: `${server.url}/api/projects`,
      token: run.admin.token,
      json: {
        name: `crowd ${data.name}`,
        interface: {
          fields: [{ name: 'text', type: 'text' }],
          questions: [{ name: 'label', type: 'choice', options }],
        },
        overlap: Math.min(100, most),
      },
    },
    201,
  );
  progress(`consensus.${data.name}: importing ${lines.length} items with ${annotations} annotations`);
  const started = performance.now();
  await importLines(server, run.admin, project.id, lines);
  run.report.add(`consensus.${data.name}.import_ms`, performance.now() - started, 'ms');
  for (const [method, figure] of [
    ['majority', 'majority'],
    ['weighted', 'weighted'],
    ['dawid-skene', 'dawid_skene'],
  ] as const) {
    const exportStarted = performance.now();
    const answers = await consensusOf(run, project.id, method);
    run.report.add(`consensus.${data.name}.${figure}_ms`, performance.now() - exportStarted, 'ms');
    run.report.add(
      `consensus.${data.name}.${figure}_accuracy`,
      100 * accuracyOn(data, (task) => answers.get(task)),
      'percent',
    );
  }
}

/** The export's consensus label per task (the item's `data.text`). */
export async function consensusOf(
  run: StoreRun,
  projectId: number,
  method: string,
): Promise<Map<string, number>> {
  const reply = await send({
    method: 'GET',
    url: `${run.servers[0]!.url}/api/projects/${projectId}/export?submitted=only&consensus=${method}`,
    token: run.admin.token,
  });
  if (reply.status !== 200) throw new Error(`export failed: ${reply.status} ${reply.text.slice(0, 500)}`);
  const out = new Map<string, number>();
  for (const line of reply.text.split('\n')) {
    if (line === '') continue;
    const item = JSON.parse(line) as {
      data: { text: string };
      consensus: { label?: { answer: string } };
    };
    if (item.consensus.label !== undefined) out.set(item.data.text, Number(item.consensus.label.answer));
  }
  return out;
}
