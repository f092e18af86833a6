import type { ApiClient } from '../../core/api/client.ts';
import type { ModelConnection } from '../../core/api/models.ts';
import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { CliError } from '../errors.ts';
import { printJson } from '../output.ts';

/** The connection a NAME_OR_ID names: its exact name first, then its id. */
export async function resolveConnection(client: ApiClient, nameOrId: string): Promise<ModelConnection> {
  const { items } = await client.call('listModelConnections', {});
  const found =
    items.find((c) => c.name === nameOrId) ??
    (/^\d+$/.test(nameOrId) ? items.find((c) => c.id === Number(nameOrId)) : undefined);
  if (!found)
    throw new CliError(
      `no model connection is named or numbered "${nameOrId}"${items.length ? `; there are: ${items.map((c) => c.name).join(', ')}` : ''}`,
    );
  return found;
}

const limitsOf = (c: ModelConnection): string =>
  [
    `${c.concurrency} at once`,
    c.requestsPerMinute === null ? null : `${c.requestsPerMinute}/min`,
    `timeout ${c.timeoutMs / 1000} s`,
  ]
    .filter(Boolean)
    .join(', ');

/** The connections as a table for a person: one row each, the key only as set or not. */
export function connectionTable(items: readonly ModelConnection[]): string {
  if (items.length === 0) return 'No model connections yet; add one with: npx verity model add --help\n';
  const rows = [
    ['ID', 'NAME', 'MODEL', 'BASE URL', 'LIMITS', 'KEY'],
    ...items.map((c) => [
      String(c.id),
      c.name,
      c.model,
      c.baseUrl + (c.allowPrivateNetwork ? ' (private network allowed)' : ''),
      limitsOf(c),
      c.hasApiKey ? 'set' : 'none',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return `${rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n')}\n`;
}

export const modelList = defineCommand({
  path: ['model', 'list'],
  summary: 'List the model connections (admin; over HTTP); keys are never shown, only whether one is set',
  flags: {
    json: { type: 'boolean', help: 'print a JSON array instead of a table' },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const { items } = await client.call('listModelConnections', {});
    if (values.json) printJson(items);
    else process.stdout.write(connectionTable(items));
    return 0;
  },
});
