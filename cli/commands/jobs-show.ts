import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { jobIdArgument, jobOutcomeLine, jobProgressLine } from '../jobs-wait.ts';
import { printJson } from '../output.ts';

export const jobsShow = defineCommand({
  path: ['jobs', 'show'],
  summary: "Show a job's progress, step counts and failed steps",
  positionals: ['ID'],
  flags: { json: { type: 'boolean', help: 'print the job as JSON' }, ...httpFlags },
  async run({ values, positionals }) {
    const client = createClient(httpConfig(values));
    const job = await client.call('getJob', { params: { jobId: jobIdArgument(positionals[0]) } });
    if (values.json) {
      printJson(job);
      return 0;
    }
    const s = job.steps;
    const lines = [
      `Job ${job.id} (${job.kind})${job.projectId === null ? '' : ` in project ${job.projectId}`}: ${job.status}`,
      jobProgressLine(job, 0).replace(/ {2}0 steps\/s$/, ''),
      `Steps: ${s.done} done, ${s.failed} failed, ${s.running} running, ${s.pending} pending, ${s.cancelled} cancelled`,
      `Created ${job.createdAt}${job.startedAt ? `, started ${job.startedAt}` : ''}${job.finishedAt ? `, ended ${job.finishedAt}` : ''}`,
    ];
    if (job.status !== 'queued' && job.status !== 'running') lines.push(jobOutcomeLine(job));
    if (job.failures.length > 0) {
      lines.push(
        `Failed steps${job.failedSteps > job.failures.length ? ` (the first ${job.failures.length})` : ''}:`,
      );
      for (const f of job.failures)
        lines.push(`  ${f.key}: ${f.error} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'})`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
});
