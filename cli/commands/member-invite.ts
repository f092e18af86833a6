import { roles } from '../../core/api/users.ts';
import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { printJson } from '../output.ts';

export const memberInvite = defineCommand({
  path: ['member', 'invite'],
  summary:
    'Invite an email to a project: it joins when that account signs in or is created (how project managers add people)',
  flags: {
    ...projectFlag,
    email: { type: 'string', value: 'EMAIL', help: 'the address to invite', required: true },
    role: { type: 'string', value: 'ROLE', help: `${roles.join('|')} (default annotator)` },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const body = { email: values.email, role: enumFlag(values.role, 'role', roles) };
    printJson(
      await client.call('createInvitation', {
        params: { projectId: intFlag(values.project, 'project') },
        body,
      }),
    );
    return 0;
  },
});
