import fs from 'node:fs';
import path from 'node:path';

/** One crowd dataset of ../shared/datasets/crowd (its README): the workers' answers and the truth. */
export interface CrowdDataset {
  name: string;
  /** Labels 0..labels-1, as the files write them. */
  labels: number;
  /** Per task, its answers in file order: [worker, label]. */
  answers: Map<string, [string, number][]>;
  truth: Map<string, number>;
}

/**
 * The rows of a CSV file of the folder: the header dropped (possent names its columns differently,
 * so columns are read by position), CRLF or LF, no quoting (the README: no field has a comma).
 */
function rows(file: string): string[][] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return lines
    .slice(1)
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

export function readCrowdDataset(folder: string): CrowdDataset {
  const answers = new Map<string, [string, number][]>();
  let labels = 0;
  for (const [task, worker, answer] of rows(path.join(folder, 'answer.csv'))) {
    const label = Number(answer);
    if (task === undefined || worker === undefined || !Number.isInteger(label) || label < 0)
      throw new Error(`${folder}/answer.csv: unexpected row ${task},${worker},${answer}`);
    labels = Math.max(labels, label + 1);
    const list = answers.get(task) ?? [];
    list.push([worker, label]);
    answers.set(task, list);
  }
  const truth = new Map<string, number>();
  for (const [task, label] of rows(path.join(folder, 'truth.csv'))) {
    if (task !== undefined) truth.set(task, Number(label));
    labels = Math.max(labels, Number(label) + 1);
  }
  return { name: path.basename(folder), labels, answers, truth };
}

/** Accuracy over the truth rows whose task has at least one answer (the README's protocol). */
export function accuracyOn(data: CrowdDataset, answerOf: (task: string) => number | undefined): number {
  let right = 0;
  let scored = 0;
  for (const [task, label] of data.truth) {
    if (!data.answers.has(task)) continue;
    scored += 1;
    if (answerOf(task) === label) right += 1;
  }
  return scored === 0 ? 0 : right / scored;
}
