import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { note, printJson } from '../output.ts';
import { resolveConnection } from './model-list.ts';

export const modelTest = defineCommand({
  path: ['model', 'test'],
  summary:
    'Ask a model connection for one tiny completion (admin; over HTTP): prints the latency and the model that answered, or why it failed (exit 1)',
  positionals: ['NAME_OR_ID'],
  flags: { ...httpFlags },
  async run({ values, positionals }) {
    const client = createClient(httpConfig(values));
    const connection = await resolveConnection(client, positionals[0]!);
    const result = await client.call('testModelConnection', { params: { connectionId: connection.id } });
    printJson(result);
    if (result.ok) {
      note(`ok: ${result.model} answered in ${result.latencyMs} ms`);
      return 0;
    }
    note(`failed (${result.kind}): ${result.message}`);
    return 1;
  },
});
