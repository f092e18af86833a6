import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { UsageError } from '../errors.ts';
import { waitForJob } from '../jobs-wait.ts';
import { note, printJson } from '../output.ts';

/**
 * `verity generate`: starts a job that fills each prompt item's `responses` field with K
 * candidates from a model connection (docs/generation.md); `--wait` follows it to its end.
 */
export const generate = defineCommand({
  path: ['generate'],
  summary:
    "Generate K candidates per prompt item with a model connection, into the same items or new ones (the project's managers, admins)",
  flags: {
    ...projectFlag,
    connection: {
      type: 'string',
      value: 'N',
      help: 'the model connection, by name or id (all digits: an id)',
      required: true,
    },
    candidates: { type: 'string', value: 'K', help: 'candidates per item, 1 to 16', required: true },
    mode: {
      type: 'string',
      value: 'MODE',
      help: 'same: fill the items awaiting candidates (default); new: a new item per item, in the target project',
    },
    'target-project': {
      type: 'string',
      value: 'ID',
      help: 'mode new: where the new items go (default: --project)',
    },
    field: {
      type: 'string',
      value: 'NAME',
      help: "the responses field to fill (default: the interface's only one)",
    },
    'prompt-field': {
      type: 'string',
      value: 'NAME',
      help: 'the chat or text field sent (default: the first)',
    },
    system: { type: 'string', value: 'TEXT', help: 'a system prompt sent before each prompt' },
    params: {
      type: 'string',
      value: 'JSON',
      help: "parameters over the connection's defaults, e.g. '{\"temperature\": 0.9}'",
    },
    wait: {
      type: 'boolean',
      help: 'show a progress bar until the job ends; exit non-zero if it failed or was cancelled',
    },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const projectId = intFlag(values.project, 'project')!;
    const target = intFlag(values['target-project'], 'target-project');
    const body = {
      connection: /^\d+$/.test(values.connection.trim()) ? Number(values.connection) : values.connection,
      candidates: intFlag(values.candidates, 'candidates')!,
      mode: enumFlag(values.mode, 'mode', ['same', 'new'] as const) ?? 'same',
      ...(target !== undefined ? { targetProjectId: target } : {}),
      ...(values.field !== undefined ? { field: values.field } : {}),
      ...(values['prompt-field'] !== undefined ? { promptField: values['prompt-field'] } : {}),
      ...(values.system !== undefined ? { system: values.system } : {}),
      ...(values.params !== undefined ? { params: jsonObjectFlag(values.params, 'params') } : {}),
    };
    const { jobId } = await client.call('generateCandidates', { params: { projectId }, body });
    if (!values.wait) {
      printJson({ jobId });
      note(`Generation started as job ${jobId}. Follow it with: npx verity jobs show ${jobId}`);
      return 0;
    }
    note(`Generation started as job ${jobId}.`);
    const job = await waitForJob(client, jobId, { progress: true });
    printJson(job);
    return job.status === 'succeeded' ? 0 : 1;
  },
});

function jsonObjectFlag(text: string, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--${name} must be a JSON object, e.g. '{"temperature": 0.9}'`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(`--${name} must be a JSON object, e.g. '{"temperature": 0.9}'`);
  return value as Record<string, unknown>;
}
