import { ProjectParams } from './common.ts';
import { GenerateRequest, JobStarted } from './generation.ts';
import { route } from './route.ts';

/** Candidate generation (docs/generation.md): a background job that fills `responses` fields. */
export const generationRoutes = {
  generateCandidates: route({
    operationId: 'generateCandidates',
    method: 'POST',
    path: '/api/projects/{projectId}/generate',
    summary:
      "Start a job that generates K candidates per prompt item with a model connection (the project's managers, admins)",
    tag: 'generation',
    auth: 'user',
    params: ProjectParams,
    body: GenerateRequest,
    response: JobStarted,
    status: 202,
  }),
} as const;
