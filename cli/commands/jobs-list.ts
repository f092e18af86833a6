import { jobStatuses } from '../../core/api/jobs.ts';
import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { allPages, printJson, table } from '../output.ts';

export const jobsList = defineCommand({
  path: ['jobs', 'list'],
  summary: "List background jobs, newest first (admin: all; a manager: their projects' jobs)",
  flags: {
    project: { type: 'string', value: 'ID', help: "only this project's jobs" },
    status: { type: 'string', value: 'STATUS', help: `only jobs in this status: ${jobStatuses.join(', ')}` },
    json: { type: 'boolean', help: 'print the jobs as JSON' },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const projectId = intFlag(values.project, 'project');
    const status = enumFlag(values.status, 'status', jobStatuses);
    const jobs = await allPages((cursor) =>
      client.call('listJobs', {
        query: {
          cursor,
          limit: 500,
          ...(projectId !== undefined ? { projectId } : {}),
          ...(status !== undefined ? { status } : {}),
        },
      }),
    );
    if (values.json) {
      printJson(jobs);
      return 0;
    }
    const rows = jobs.map((j) => [
      String(j.id),
      j.kind,
      j.projectId === null ? '-' : String(j.projectId),
      j.status,
      `${j.doneSteps + j.failedSteps}/${j.totalSteps}`,
      String(j.failedSteps),
      j.createdAt,
    ]);
    process.stdout.write(table(rows, ['ID', 'KIND', 'PROJECT', 'STATUS', 'SETTLED', 'FAILED', 'CREATED']));
    return 0;
  },
});
