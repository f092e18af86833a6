import type { z } from 'zod';
import type { CreateProjectBody } from '../../core/api/projects.ts';
import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { readJsonFile, readTextFile } from '../files.ts';
import { printJson } from '../output.ts';

export const projectCreate = defineCommand({
  path: ['project', 'create'],
  summary: 'Create a project from an interface definition (JSON file)',
  flags: {
    name: { type: 'string', value: 'NAME', help: 'project name', required: true },
    interface: {
      type: 'string',
      value: 'FILE',
      help: 'interface definition: fields and questions',
      required: true,
    },
    overlap: { type: 'string', value: 'N', help: 'annotations wanted per item (default 1)' },
    guidelines: { type: 'string', value: 'FILE', help: 'guidelines shown to annotators (Markdown)' },
    'lock-ttl': {
      type: 'string',
      value: 'SECONDS',
      help: 'how long a claimed item stays locked (default 600)',
    },
    order: { type: 'string', value: 'ORDER', help: 'sequential|random: the order items are handed out' },
    ...httpFlags,
  },
  async run({ values }) {
    const body = {
      name: values.name,
      // Checked against the contract by the client before it is sent.
      interface: readJsonFile(values.interface, '--interface') as z.input<
        typeof CreateProjectBody
      >['interface'],
      overlap: intFlag(values.overlap, 'overlap'),
      guidelines:
        values.guidelines === undefined ? undefined : readTextFile(values.guidelines, '--guidelines'),
      lockTtlSeconds: intFlag(values['lock-ttl'], 'lock-ttl'),
      itemOrder: enumFlag(values.order, 'order', ['sequential', 'random']),
    };
    const client = createClient(httpConfig(values));
    printJson(await client.call('createProject', { body }));
    return 0;
  },
});
