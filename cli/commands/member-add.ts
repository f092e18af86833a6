import { roles } from '../../core/api/users.ts';
import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { printJson } from '../output.ts';

/** The flags `member add` and `member invite` share: the project, an email, a project role. */
export const memberFlags = (email: string) =>
  ({
    ...projectFlag,
    email: { type: 'string', value: 'EMAIL', help: email, required: true },
    role: { type: 'string', value: 'ROLE', help: `${roles.join('|')} (default annotator)` },
    ...httpFlags,
  }) as const;

/** The client, project id and body of a member command, from its flags. */
export function memberRequest(values: {
  project: string | undefined;
  email: string;
  role: string | undefined;
  url?: string | undefined;
  token?: string | undefined;
}) {
  const client = createClient(httpConfig(values));
  const projectId = intFlag(values.project, 'project');
  const body = { email: values.email, role: enumFlag(values.role, 'role', roles) };
  return { client, projectId, body };
}

export const memberAdd = defineCommand({
  path: ['member', 'add'],
  summary:
    'Add a user to a project by email, or change their project role (admins and managers; project managers use member invite)',
  flags: memberFlags('the user to add'),
  async run({ values }) {
    const { client, projectId, body } = memberRequest(values);
    printJson(await client.call('addMember', { params: { projectId }, body }));
    return 0;
  },
});
