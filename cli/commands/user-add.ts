import { CreateUserBody, roles } from '../../core/api/users.ts';
import { defineCommand, enumFlag } from '../command.ts';
import { storeConfig, storeFlags } from '../config.ts';
import { validationFailed } from '../errors.ts';
import { printJson } from '../output.ts';
import { readPassword } from '../stdin.ts';

export const userAdd = defineCommand({
  path: ['user', 'add'],
  summary: 'Create a user in the local store (no server needed; use it for the first admin)',
  flags: {
    email: { type: 'string', value: 'EMAIL', help: 'sign-in email', required: true },
    name: { type: 'string', value: 'NAME', help: 'display name', required: true },
    role: { type: 'string', value: 'ROLE', help: `${roles.join('|')} (default annotator)` },
    'password-stdin': {
      type: 'boolean',
      help: 'read the password from the first line of stdin (typed at a prompt, not shown, on a terminal)',
    },
    ...storeFlags,
  },
  async run({ values }) {
    const input = {
      email: values.email,
      name: values.name,
      role: enumFlag(values.role, 'role', roles),
      password: values['password-stdin'] ? await readPassword(`Password for ${values.email}: `) : undefined,
    };
    const parsed = CreateUserBody.safeParse(input);
    if (!parsed.success) {
      throw validationFailed(
        parsed.error.issues.map((i) => ({ path: `--${i.path.join('.')}`, message: i.message })),
      );
    }
    const { withLocalStore } = await import('../local-store.ts');
    const { createUser } = await import('../../server/local.ts');
    const user = await withLocalStore(storeConfig(values), (ctx) => createUser(ctx, null, parsed.data), {
      create: true,
    });
    printJson(user);
    return 0;
  },
});
