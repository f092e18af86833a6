import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { CliError } from '../errors.ts';
import { pipeToStdout, printJson } from '../output.ts';

export const worklog = defineCommand({
  path: ['worklog'],
  summary:
    'Print the work log for payroll as CSV: per person, project and UTC day, with pay (--json: the API rows)',
  flags: {
    from: { type: 'string', value: 'DATE', help: 'the first UTC day, YYYY-MM-DD', required: true },
    to: { type: 'string', value: 'DATE', help: 'the last UTC day, YYYY-MM-DD (included)', required: true },
    project: { type: 'string', value: 'ID', help: 'one project only' },
    json: { type: 'boolean', help: 'print the API report (JSON) instead of CSV' },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const project = intFlag(values.project, 'project');
    const query = {
      from: values.from ?? '',
      to: values.to ?? '',
      ...(project === undefined ? {} : { project: String(project) }),
    };
    if (values.json) {
      printJson(await client.call('worklog', { query }));
      return 0;
    }
    const res = await client.request('worklogCsv', { query });
    if (!res.body) throw new CliError('the server sent an empty work log');
    await pipeToStdout(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>));
    return 0;
  },
});
