import { adjudicationRoutes } from './adjudication.routes.ts';
import { assessmentRoutes } from './assessments.routes.ts';
import { assignmentRoutes } from './assignments.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { dashboardRoutes } from './dashboards.routes.ts';
import { generationRoutes } from './generation.routes.ts';
import { goldRoutes } from './gold.routes.ts';
import { itemRoutes } from './items.routes.ts';
import { jobRoutes } from './jobs.routes.ts';
import { judgeRoutes } from './judges.routes.ts';
import { liveRoutes } from './live.routes.ts';
import { mediaRoutes } from './media.routes.ts';
import { modelRoutes } from './models.routes.ts';
import { onboardingRoutes } from './onboarding.routes.ts';
import { projectRoutes } from './projects.routes.ts';
import { qualityRoutes } from './quality.routes.ts';
import { reviewRoutes } from './review.routes.ts';
import { rosterRoutes } from './roster.routes.ts';
import { setupRoutes } from './setup.routes.ts';
import { skillRoutes } from './skills.routes.ts';
import { ssoRoutes } from './sso.routes.ts';
import { statsRoutes } from './stats.routes.ts';
import { userRoutes } from './users.routes.ts';
import { worklogRoutes } from './worklog.routes.ts';

/**
 * Every operation of the API, one RouteDef each (route.ts), kept by resource in `*.routes.ts`
 * beside this file. The order here is the order of the OpenAPI document.
 */
export const routes = {
  ...authRoutes,
  ...setupRoutes,
  ...ssoRoutes,
  ...userRoutes,
  ...onboardingRoutes,
  ...projectRoutes,
  ...statsRoutes,
  ...qualityRoutes,
  ...dashboardRoutes,
  ...itemRoutes,
  ...mediaRoutes,
  ...assignmentRoutes,
  ...reviewRoutes,
  ...adjudicationRoutes,
  ...judgeRoutes,
  ...liveRoutes,
  ...modelRoutes,
  ...jobRoutes,
  ...generationRoutes,
  ...goldRoutes,
  ...worklogRoutes,
  ...rosterRoutes,
  ...assessmentRoutes,
  ...auditRoutes,
  ...skillRoutes,
} as const;

export type Routes = typeof routes;
export type OperationId = keyof Routes;
