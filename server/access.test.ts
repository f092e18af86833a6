import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../core/api/route.ts';
import { type OperationId, routes } from '../core/api/routes.ts';
import { accountAndProjectCases } from './testing/access-cases.ts';
import { adjudicationCases } from './testing/access-cases-adjudication.ts';
import { assessmentCases } from './testing/access-cases-assessments.ts';
import { auditCases } from './testing/access-cases-audit.ts';
import { dashboardCases } from './testing/access-cases-dashboards.ts';
import { generationCases } from './testing/access-cases-generation.ts';
import { goldCases } from './testing/access-cases-gold.ts';
import { jobCases } from './testing/access-cases-jobs.ts';
import { judgeCases } from './testing/access-cases-judges.ts';
import { liveCases } from './testing/access-cases-live.ts';
import { mediaCases } from './testing/access-cases-media.ts';
import { modelCases } from './testing/access-cases-models.ts';
import { onboardingCases } from './testing/access-cases-onboarding.ts';
import { qualityCases } from './testing/access-cases-quality.ts';
import { reviewCases } from './testing/access-cases-review.ts';
import { rosterCases } from './testing/access-cases-roster.ts';
import { skillCases } from './testing/access-cases-skills.ts';
import { ssoCases } from './testing/access-cases-sso.ts';
import { statsCases } from './testing/access-cases-stats.ts';
import { workCases } from './testing/access-cases-work.ts';
import { worklogCases } from './testing/access-cases-worklog.ts';
import { buildWorld, type Case, checkResponse, kinds, send, type World } from './testing/access-world.ts';

/**
 * The role × route matrix: every operation of the contract, called by every kind of caller, on a
 * project the caller belongs to (A) and one they do not (B), expecting one exact outcome each.
 * Every response is also searched for text the caller may not see.
 */

const matrix: Record<OperationId, Case[]> = {
  ...accountAndProjectCases,
  ...workCases,
  ...statsCases,
  ...qualityCases,
  ...dashboardCases,
  ...judgeCases,
  ...liveCases,
  ...modelCases,
  ...jobCases,
  ...generationCases,
  ...reviewCases,
  ...adjudicationCases,
  ...goldCases,
  ...ssoCases,
  ...worklogCases,
  ...rosterCases,
  ...onboardingCases,
  ...assessmentCases,
  ...auditCases,
  ...skillCases,
  ...mediaCases,
};

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.h.close());

describe('access matrix', () => {
  it('has an expectation for every operation and every kind of caller', () => {
    for (const def of Object.values(routes)) {
      const cases = (matrix as Partial<Record<string, Case[]>>)[def.operationId];
      expect(cases, `no matrix entry for ${def.operationId}`).toBeDefined();
      expect(cases!.length).toBeGreaterThan(0);
      for (const c of cases!) expect(Object.keys(c.expect).sort()).toEqual([...kinds].sort());
    }
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(routes).sort());
  });

  for (const def of Object.values(routes) as RouteDef[]) {
    const cases = (matrix as Partial<Record<string, Case[]>>)[def.operationId] ?? [];
    describe(`${def.operationId} (${def.method} ${def.path})`, () => {
      for (const c of cases) {
        for (const kind of kinds) {
          const outcome = c.expect[kind];
          it(`${c.target}: ${kind} → ${outcome}`, async () => {
            const res = await send(w, def, kind, await c.build(w, kind));
            const shown =
              !c.shows || typeof outcome === 'string'
                ? []
                : typeof c.shows === 'function'
                  ? c.shows(kind)
                  : c.shows;
            checkResponse(res, kind, outcome, shown);
          });
        }
      }
    });
  }
});
