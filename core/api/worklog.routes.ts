import { route } from './route.ts';
import { Worklog, WorklogQuery } from './worklog.ts';

/** Work logs and pay (docs/worklog.md): admins and managers see everyone, project managers their projects, anyone their own. */
export const worklogRoutes = {
  worklog: route({
    operationId: 'worklog',
    method: 'GET',
    path: '/api/worklog',
    summary: 'Work per person, project and UTC day, with pay amounts (scoped by the caller)',
    tag: 'worklog',
    auth: 'user',
    query: WorklogQuery,
    response: Worklog,
  }),
  worklogCsv: route({
    operationId: 'worklogCsv',
    method: 'GET',
    path: '/api/worklog.csv',
    summary: 'The work log as CSV for payroll (scoped by the caller)',
    tag: 'worklog',
    auth: 'user',
    query: WorklogQuery,
    response: null,
    responseKind: 'csv',
  }),
} as const;
