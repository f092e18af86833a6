import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { jobIdArgument } from '../jobs-wait.ts';

export const jobsCancel = defineCommand({
  path: ['jobs', 'cancel'],
  summary: 'Cancel a job: its pending steps are dropped, running ones discarded',
  positionals: ['ID'],
  flags: { ...httpFlags },
  async run({ values, positionals }) {
    const client = createClient(httpConfig(values));
    const job = await client.call('cancelJob', { params: { jobId: jobIdArgument(positionals[0]) } });
    process.stdout.write(
      `Job ${job.id} cancelled after ${job.doneSteps} of ${job.totalSteps} steps (${job.failedSteps} failed).\n`,
    );
    return 0;
  },
});
