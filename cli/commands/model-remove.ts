import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { note } from '../output.ts';
import { resolveConnection } from './model-list.ts';

export const modelRemove = defineCommand({
  path: ['model', 'remove'],
  summary:
    'Remove a model connection by name or id (admin; over HTTP); refused while a queued or running job uses it',
  positionals: ['NAME_OR_ID'],
  flags: { ...httpFlags },
  async run({ values, positionals }) {
    const client = createClient(httpConfig(values));
    const connection = await resolveConnection(client, positionals[0]!);
    await client.call('deleteModelConnection', { params: { connectionId: connection.id } });
    note(`removed model connection ${connection.id} (${connection.name})`);
    return 0;
  },
});
