/** The access matrix's cases for a project's quality dashboards: as its agreement report. */
import type { OperationId } from '../../core/api/routes.ts';
import { qualityCases } from './access-cases-quality.ts';
import type { Case } from './access-world.ts';

export const dashboardCases = {
  projectDashboards: qualityCases.projectMetrics,
} satisfies Partial<Record<OperationId, Case[]>>;
