import { modelParamNames } from '../../core/api/models.ts';
import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { printJson } from '../output.ts';
import { parseParams } from '../params.ts';
import { readPassword } from '../stdin.ts';

export const modelAdd = defineCommand({
  path: ['model', 'add'],
  summary:
    'Add a model connection: an OpenAI-compatible chat-completions endpoint (admin; over HTTP). The API key is read from stdin only, never from a flag',
  flags: {
    name: { type: 'string', value: 'NAME', help: 'a name for the connection', required: true },
    'base-url': {
      type: 'string',
      value: 'URL',
      help: 'the endpoint, e.g. http://gpu-box:8000/v1 or https://api.openai.com/v1',
      required: true,
    },
    model: { type: 'string', value: 'MODEL', help: 'the model as the endpoint names it', required: true },
    'api-key-stdin': {
      type: 'boolean',
      help: 'read the API key from the first line of stdin (typed at a prompt, not shown, on a terminal); there is no flag taking the key, since flags land in shell history and process lists',
    },
    concurrency: {
      type: 'string',
      value: 'N',
      help: 'most calls at once per server process, 1-256 (default 4)',
    },
    'requests-per-minute': {
      type: 'string',
      value: 'N',
      help: 'most calls started per minute (default no limit)',
    },
    'timeout-ms': {
      type: 'string',
      value: 'MS',
      help: 'how long to wait for an answer, 1000-3600000 (default 60000)',
    },
    param: {
      type: 'string',
      value: 'KEY=VALUE',
      multiple: true,
      help: `a default parameter, repeatable: ${modelParamNames.join(', ')}`,
    },
    'allow-private-network': {
      type: 'boolean',
      help: 'allow an endpoint on a private, loopback or link-local address (a vLLM or Ollama on the LAN or this machine)',
    },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const params = parseParams(values.param);
    const concurrency = intFlag(values.concurrency, 'concurrency');
    const requestsPerMinute = intFlag(values['requests-per-minute'], 'requests-per-minute');
    const timeoutMs = intFlag(values['timeout-ms'], 'timeout-ms');
    const apiKey = values['api-key-stdin']
      ? await readPassword(`API key for ${values.name}: `, '--api-key-stdin', 'API key')
      : undefined;
    const created = await client.call('createModelConnection', {
      body: {
        name: values.name,
        baseUrl: values['base-url'],
        model: values.model,
        ...(apiKey !== undefined ? { apiKey } : {}),
        ...(params ? { params } : {}),
        ...(concurrency !== undefined ? { concurrency } : {}),
        ...(requestsPerMinute !== undefined ? { requestsPerMinute } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(values['allow-private-network'] ? { allowPrivateNetwork: true } : {}),
      },
    });
    printJson(created);
    return 0;
  },
});
