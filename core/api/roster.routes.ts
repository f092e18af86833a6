import { Roster, RosterFilters, RosterQuery } from './roster.ts';
import { route } from './route.ts';

/** The roster (docs/roster.md): admins and managers see everyone, project managers their projects' members. */
export const rosterRoutes = {
  roster: route({
    operationId: 'roster',
    method: 'GET',
    path: '/api/roster',
    summary:
      'People with their status, contract, skills and figures, filtered, sorted and paged (admin, manager, project managers)',
    tag: 'roster',
    auth: 'user',
    query: RosterQuery,
    response: Roster,
  }),
  rosterCsv: route({
    operationId: 'rosterCsv',
    method: 'GET',
    path: '/api/roster.csv',
    summary: 'Every person matching the filters, as CSV (scoped as the roster)',
    tag: 'roster',
    auth: 'user',
    query: RosterFilters,
    response: null,
    responseKind: 'csv',
  }),
} as const;
