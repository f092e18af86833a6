import type { AuditEntry } from '../../core/api/audit.ts';
import { changeLines } from '../../core/audit-view.ts';
import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { UsageError } from '../errors.ts';

/** `--since 2027-01-31` or a date-time with its offset; anything else is a usage error naming the flag. */
function instantFlag(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(
      `--${name}: "${value}" is not an ISO 8601 date (2027-01-31) or date-time with an offset (2027-01-31T09:00:00Z)`,
    );
  return value;
}

export const audit = defineCommand({
  path: ['audit'],
  summary:
    'Print the audit log, newest first: a table, or JSON lines with --json (admins; managers: their projects)',
  flags: {
    since: { type: 'string', value: 'T', help: 'entries at or after this date or date-time' },
    until: { type: 'string', value: 'T', help: 'entries before this date or date-time' },
    action: {
      type: 'string',
      value: 'A',
      help: 'one action (user.role), or a prefix ending in a dot (user.)',
    },
    actor: { type: 'string', value: 'EMAIL|ID', help: 'entries by this person' },
    target: {
      type: 'string',
      value: 'EMAIL|ID',
      help: 'entries on this target (a user by email, or any id)',
    },
    project: { type: 'string', value: 'ID', help: 'entries concerning this project' },
    limit: { type: 'string', value: 'N', help: 'at most N entries (default: all that match)' },
    json: { type: 'boolean', help: 'print each entry as a JSON line' },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const project = intFlag(values.project, 'project');
    const limit = intFlag(values.limit, 'limit');
    if (limit !== undefined && limit < 1) throw new UsageError('--limit must be at least 1');
    const since = instantFlag(values.since, 'since');
    const until = instantFlag(values.until, 'until');
    const filters = {
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
      ...(values.action === undefined ? {} : { action: values.action }),
      ...(values.actor === undefined ? {} : { actor: values.actor }),
      ...(values.target === undefined ? {} : { target: values.target }),
      ...(project === undefined ? {} : { project: String(project) }),
    };
    const rows: string[][] = [];
    let left = limit ?? Number.POSITIVE_INFINITY;
    let cursor: string | undefined;
    do {
      const page = await client.call('listAudit', {
        query: { ...filters, limit: String(Math.min(500, left)), ...(cursor ? { cursor } : {}) },
      });
      for (const e of page.items) {
        if (values.json) process.stdout.write(`${JSON.stringify(e)}\n`);
        else rows.push(rowOf(e));
      }
      left -= page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && left > 0);
    if (!values.json) process.stdout.write(table(rows));
    return 0;
  },
});

const rowOf = (e: AuditEntry): string[] => [
  e.at,
  e.actor ?? '(system)',
  e.action,
  [e.targetType, e.targetId].filter((x) => x !== null).join(' '),
  e.targetEmail ?? '',
  e.projectId === null ? '' : String(e.projectId),
  changeLines(e.before, e.after).join('; '),
];

function table(rows: string[][]): string {
  const head = ['AT', 'ACTOR', 'ACTION', 'TARGET', 'EMAIL', 'PROJECT', 'CHANGE'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  // The last column is not padded: a long change runs on rather than widening every line.
  return (
    all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n') +
    '\n'
  );
}
