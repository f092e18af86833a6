/**
 * The access matrix's cases for the work log (docs/worklog.md): every signed-in caller reads it,
 * scoped to what they may see; a project narrows it, not found for those who do not see it.
 */
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, signedIn } from './access-world.ts';

/** Yesterday to tomorrow (UTC): the fixtures' work is in it, so the secrets check reads real rows. */
const range = () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: day(-1), to: day(1) };
};
const cases = (): Case[] => [
  { target: 'own scope', build: () => ({ query: range() }), expect: signedIn(all(200)) },
  {
    target: 'project A',
    build: (w) => ({ query: { ...range(), project: String(w.projectA) } }),
    expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
  },
  {
    target: 'project B',
    build: (w) => ({ query: { ...range(), project: String(w.projectB) } }),
    expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
  },
];

export const worklogCases = {
  worklog: cases(),
  worklogCsv: cases(),
} satisfies Partial<Record<OperationId, Case[]>>;
