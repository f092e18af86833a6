import { SkillLevelSchema, skillNameProblem } from '../../core/skills.ts';
import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { UsageError, validationFailed } from '../errors.ts';
import { note, printJson } from '../output.ts';

/** The skills catalogue and people's skills (docs/skills.md), over HTTP. */

export const skillList = defineCommand({
  path: ['skill', 'list'],
  summary: 'List the skills catalogue with how many people hold each skill (JSON; over HTTP)',
  flags: { ...httpFlags },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    printJson((await client.call('listSkills', {})).items);
    return 0;
  },
});

export const skillAdd = defineCommand({
  path: ['skill', 'add'],
  summary: 'Add a skill to the catalogue, e.g. math.algebra (admin, manager; over HTTP)',
  positionals: ['NAME'],
  flags: {
    description: { type: 'string', value: 'TEXT', help: 'what the skill covers' },
    ...httpFlags,
  },
  async run({ values, positionals }) {
    const name = positionals[0]!;
    const problem = skillNameProblem(name);
    if (problem) throw validationFailed([{ path: 'NAME', message: `skill name "${name}" ${problem}` }]);
    const client = createClient(httpConfig(values));
    printJson(await client.call('createSkill', { body: { name, description: values.description ?? '' } }));
    return 0;
  },
});

/** `--grant NAME:LEVEL` flags as requirements; each bad one named by its flag. */
export function grantsOf(given: readonly string[]): Record<string, 1 | 2 | 3> {
  const out: Record<string, 1 | 2 | 3> = {};
  const problems: { path: string; message: string }[] = [];
  for (const g of given) {
    const at = g.lastIndexOf(':');
    const name = at < 0 ? g : g.slice(0, at);
    const level = SkillLevelSchema.safeParse(at < 0 ? Number.NaN : Number(g.slice(at + 1)));
    const problem = skillNameProblem(name);
    if (problem) problems.push({ path: `--grant ${JSON.stringify(g)}`, message: `skill name ${problem}` });
    else if (!level.success)
      problems.push({ path: `--grant ${JSON.stringify(g)}`, message: 'write NAME:LEVEL, LEVEL 1, 2 or 3' });
    else out[name] = level.data;
  }
  if (problems.length > 0) throw validationFailed(problems);
  return out;
}

export const userSkills = defineCommand({
  path: ['user', 'skills'],
  summary: "Show a user's skills; grant, change or revoke them (granting: admin, manager; over HTTP)",
  flags: {
    email: { type: 'string', value: 'EMAIL', help: 'the user, by email' },
    grant: {
      type: 'string',
      value: 'NAME:LEVEL',
      multiple: true,
      help: 'grant a skill at a level (1–3); repeatable',
    },
    revoke: { type: 'string', value: 'NAME', multiple: true, help: 'take a skill away; repeatable' },
    ...httpFlags,
  },
  async run({ values }) {
    if (!values.email) throw new UsageError('give --email');
    const email = values.email.trim().toLowerCase();
    const grants = grantsOf(values.grant ?? []);
    const client = createClient(httpConfig(values));
    const found = await client.call('listUsers', { query: { q: email, limit: 500 } });
    const user = found.items.find((u) => u.email === email);
    if (!user) throw new UsageError(`no user with the email ${email}`);
    const params = { userId: user.id };
    if (Object.keys(grants).length > 0)
      await client.call('grantSkills', { params, body: { skills: grants } });
    for (const name of values.revoke ?? []) await client.call('revokeSkill', { params: { ...params, name } });
    const held = await client.call('userSkills', { params });
    printJson(held);
    const changed = Object.keys(grants).length + (values.revoke ?? []).length;
    if (changed > 0)
      note(`${email}: ${Object.keys(grants).length} granted, ${(values.revoke ?? []).length} revoked`);
    return 0;
  },
});
