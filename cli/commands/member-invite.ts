import { defineCommand } from '../command.ts';
import { printJson } from '../output.ts';
import { memberFlags, memberRequest } from './member-add.ts';

export const memberInvite = defineCommand({
  path: ['member', 'invite'],
  summary:
    'Invite an email to a project: it joins when that account signs in or is created (how project managers add people)',
  flags: memberFlags('the address to invite'),
  async run({ values }) {
    const { client, projectId, body } = memberRequest(values);
    printJson(await client.call('createInvitation', { params: { projectId }, body }));
    return 0;
  },
});
