/**
 * The walk's calls for projects, members, invitations, model connections and exports
 * (server/audit/audit-walk.test.ts; the types and the account calls in audit-walk-cases.ts).
 */
import { expect } from 'vitest';
import type { World } from './access-world.ts';
import { unique } from './access-world.ts';
import {
  type AuditCall,
  handedSecrets,
  held,
  spareConnection,
  spareProject,
  spareUser,
  user,
  WALK_API_KEY,
} from './audit-walk-cases.ts';
import { sampleInterface } from './harness.ts';

const project = held<number>();
const invited = held<string>();
const connection = held<number>();
const s = { member: spareUser(), gone: spareUser(), pause: spareUser() };

export const projectCalls = {
  createProject: {
    action: 'project.create',
    as: 'manager',
    build: () => ({ body: { name: 'Walked project', interface: sampleInterface, overlap: 2 } }),
    entry: (_w, body) => ({
      targetType: 'project',
      targetId: String(body.id),
      targetEmail: null,
      projectId: body.id,
      before: null,
      // The settings people set, never the store's own bookkeeping (itemSkills, timestamps).
      after: {
        asymmetricMatch: (after: Record<string, unknown>) =>
          after.name === 'Walked project' &&
          after.overlap === 2 &&
          after.guidelines === '' &&
          after.reviewMode === 'none' &&
          !('itemSkills' in after) &&
          !('createdAt' in after),
      },
    }),
  },
  updateProject: [
    {
      action: 'project.settings',
      build: async (w) => ({
        params: { projectId: project.set(await spareProject(w)) },
        body: { overlap: 3, guidelines: 'Read twice.', review: { mode: 'all' } },
      }),
      entry: () => ({
        ...projectTarget(),
        before: { overlap: 1, guidelines: '', reviewMode: 'none' },
        after: { overlap: 3, guidelines: 'Read twice.', reviewMode: 'all' },
      }),
    },
    {
      action: 'project.interface',
      build: async (w) => {
        const questions = [...sampleInterface.questions, { name: 'walked', type: 'text' }];
        return {
          params: { projectId: project.set(await spareProject(w)) },
          body: { interface: { ...sampleInterface, questions } },
        };
      },
      entry: () => ({ ...projectTarget(), before: { interfaceVersion: 1 }, after: { interfaceVersion: 2 } }),
    },
  ],
  duplicateProject: {
    action: 'project.duplicate',
    build: (w) => ({ params: { projectId: w.projectA }, body: { name: 'Walked copy' } }),
    entry: (w, body) => ({
      targetType: 'project',
      targetId: String(body.id),
      targetEmail: null,
      projectId: body.id,
      before: null,
      after: expect.objectContaining({ name: 'Walked copy', duplicateOf: w.projectA, items: false }),
    }),
  },
  addMember: [
    {
      // The third annotator is a member of A already: their role changes.
      action: 'member.role',
      as: 'projectManager',
      build: async (w) => ({
        params: { projectId: w.projectA },
        body: { userId: w.third.id, role: 'reviewer' },
      }),
      entry: (w) => ({
        ...memberTarget(w, w.third),
        before: { role: 'annotator' },
        after: { role: 'reviewer' },
      }),
    },
    {
      action: 'member.add',
      build: async (w) => ({
        params: { projectId: w.projectA },
        body: { email: (await s.member.make(w)).email },
      }),
      entry: (w) => ({ ...memberTarget(w, s.member.get()), before: null, after: { role: 'annotator' } }),
    },
  ],
  removeMember: {
    action: 'member.remove',
    build: async (w) => {
      const u = await s.gone.make(w);
      await w.h.call(w.users.admin, 'POST', `/api/projects/${w.projectA}/members`, {
        userId: u.id,
        role: 'reviewer',
      });
      return { params: { projectId: w.projectA, userId: u.id } };
    },
    entry: (w) => ({ ...memberTarget(w, s.gone.get()), before: { role: 'reviewer' }, after: null }),
  },
  createInvitation: {
    action: 'invitation.create',
    as: 'projectManager',
    build: (w) => ({
      params: { projectId: w.projectA },
      body: { email: invited.set(`${unique('walk-invite')}@example.org`) },
    }),
    entry: (w, body) => ({
      targetType: 'invitation',
      targetId: String(body.id),
      targetEmail: invited.get(),
      projectId: w.projectA,
      before: null,
      after: { role: 'annotator' },
    }),
  },
  cancelInvitation: {
    action: 'invitation.cancel',
    build: async (w) => {
      const res = await w.h.call(w.users.admin, 'POST', `/api/projects/${w.projectA}/invitations`, {
        email: invited.set(`${unique('walk-cancel')}@example.org`),
        role: 'reviewer',
      });
      return { params: { projectId: w.projectA, invitationId: res.body.id } };
    },
    entry: (w) => ({
      targetType: 'invitation',
      targetId: expect.any(String),
      targetEmail: invited.get(),
      projectId: w.projectA,
      before: { role: 'reviewer' },
      after: null,
    }),
  },
  addJudge: {
    action: 'judge.add',
    build: async (w) => ({
      params: { projectId: w.projectA },
      body: { connection: await spareConnection(w) },
    }),
    entry: (w, body) => ({
      targetType: 'member',
      targetId: String(body.userId),
      targetEmail: null,
      projectId: w.projectA,
      before: null,
      after: { role: 'annotator' },
    }),
  },
  setLiveConnection: {
    action: 'project.settings',
    as: 'projectManager',
    build: async (w) => ({
      params: { projectId: w.projectA },
      body: { connectionId: connection.set(await spareConnection(w)) },
    }),
    entry: (w) => ({
      ...projectTarget(w.projectA),
      before: { liveConnectionId: null },
      after: { liveConnectionId: connection.get() },
    }),
  },
  createModelConnection: {
    action: 'model.create',
    build: () => ({
      body: {
        name: 'walked-model',
        baseUrl: 'https://models.example.org/v1',
        model: 'm',
        apiKey: WALK_API_KEY,
      },
    }),
    entry: (_w, body) => ({
      ...connectionTarget(body.id),
      before: null,
      after: expect.objectContaining({ name: 'walked-model', model: 'm', hasApiKey: true }),
    }),
  },
  updateModelConnection: {
    action: 'model.update',
    build: async (w) => ({
      params: { connectionId: connection.set(await spareConnection(w)) },
      body: { concurrency: 2, apiKey: `${WALK_API_KEY}-2` },
    }),
    entry: () => {
      handedSecrets.push(`${WALK_API_KEY}-2`);
      return {
        ...connectionTarget(connection.get()),
        before: { concurrency: 1 },
        after: { concurrency: 2, apiKey: 'replaced' },
      };
    },
  },
  deleteModelConnection: {
    action: 'model.delete',
    build: async (w) => ({ params: { connectionId: connection.set(await spareConnection(w)) } }),
    entry: () => ({
      ...connectionTarget(connection.get()),
      before: expect.objectContaining({ hasApiKey: true, model: 'm' }),
      after: null,
    }),
  },
  liftGoldPause: {
    action: 'gold.lift_pause',
    as: 'projectManager',
    build: async (w) => {
      const u = await s.pause.make(w);
      await w.h.verity.store.db
        .insertInto('goldPauses')
        .values({
          projectId: w.projectA,
          userId: u.id,
          rule: 'walk',
          accuracy: 0,
          scored: 1,
          pausedAt: 1,
          liftedBy: null,
          liftedAt: null,
        })
        .execute();
      return { params: { projectId: w.projectA, userId: u.id } };
    },
    entry: (w) => ({
      ...user(s.pause.get()),
      projectId: w.projectA,
      before: { paused: true },
      after: { paused: false },
    }),
  },
  exportItems: {
    action: 'export.items',
    as: 'reviewer',
    build: (w) => ({ params: { projectId: w.projectA }, query: { format: 'csv', submitted: 'only' } }),
    entry: (w) => ({
      ...projectTarget(w.projectA),
      before: null,
      after: { format: 'csv', filters: { submitted: 'only' } },
    }),
  },
  reprobeMedia: {
    action: 'media.reprobe',
    build: (w) => ({ params: { projectId: w.projectB }, body: { failedOnly: true } }),
    entry: (w) => ({
      ...projectTarget(w.projectB),
      before: null,
      after: { failedOnly: true, mediaCount: 0, jobIds: [] },
    }),
  },
  annotatorStatsCsv: {
    action: 'export.annotator_stats',
    build: (w) => ({ params: { projectId: w.projectB } }),
    entry: (w) => ({
      ...projectTarget(w.projectB),
      before: null,
      after: { format: 'csv', filters: { includeModels: false } },
    }),
  },
  worklogCsv: {
    action: 'export.worklog',
    as: 'annotator',
    build: () => ({ query: { from: '2030-01-01', to: '2030-01-31' } }),
    entry: () => ({
      targetType: 'worklog',
      targetId: null,
      targetEmail: null,
      projectId: null,
      before: null,
      after: { format: 'csv', filters: { from: '2030-01-01', to: '2030-01-31' } },
    }),
  },
  exportAudit: {
    action: 'export.audit',
    build: () => ({ query: { format: 'csv', action: 'user.', since: '2020-01-01' } }),
    entry: () => ({
      targetType: 'audit',
      targetId: null,
      targetEmail: null,
      projectId: null,
      before: null,
      after: { format: 'csv', filters: { since: '2020-01-01T00:00:00.000Z', action: 'user.' } },
    }),
  },
} satisfies Record<string, AuditCall | AuditCall[]>;

function projectTarget(id = project.get()) {
  return { targetType: 'project', targetId: String(id), targetEmail: null, projectId: id };
}
function memberTarget(w: World, u: { id: number; email: string }) {
  return { targetType: 'member', targetId: String(u.id), targetEmail: u.email, projectId: w.projectA };
}
function connectionTarget(id: number) {
  return { targetType: 'model_connection', targetId: String(id), targetEmail: null, projectId: null };
}
