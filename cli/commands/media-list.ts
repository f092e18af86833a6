import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { allPages, table } from '../output.ts';

const STATUSES = ['all', 'failed', 'pending', 'ready'] as const;

export const mediaList = defineCommand({
  path: ['media', 'list'],
  summary:
    "List a project's media files, newest first, with their facts and state (failed ones with the reason)",
  flags: {
    ...projectFlag,
    status: {
      type: 'string',
      value: 'STATE',
      help: `only media in this state: ${STATUSES.join(', ')} (default all)`,
    },
    json: { type: 'boolean', help: 'print each file as a JSON line' },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const projectId = intFlag(values.project, 'project');
    const status = enumFlag(values.status, 'status', STATUSES) ?? 'all';
    const media = await allPages((cursor) =>
      client.call('listMedia', {
        params: { projectId },
        query: { status, limit: 500, ...(cursor ? { cursor } : {}) },
      }),
    );
    if (values.json) {
      for (const m of media) process.stdout.write(`${JSON.stringify(m)}\n`);
      return 0;
    }
    const rows = media.map((m) => [
      m.ref,
      m.originalName ?? m.sourceUrl ?? '',
      m.contentType,
      m.facts.durationSeconds === null ? '' : `${m.facts.durationSeconds} s`,
      m.status === 'failed' ? `failed: ${m.facts.probeError ?? m.peaksError}` : m.status,
    ]);
    process.stdout.write(
      rows.length === 0
        ? `No media in project ${projectId}${status === 'all' ? '' : ` (${status})`}.\n`
        : table(rows, ['REF', 'FILE', 'TYPE', 'DURATION', 'STATE']),
    );
    return 0;
  },
});
