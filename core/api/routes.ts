import { z } from 'zod';
import {
  AssignmentParams,
  DraftBody,
  DraftResult,
  Health,
  ItemDetail,
  MyWorkQuery,
  Revision,
  SkipBody,
  SubmitBody,
  SubmitResult,
  Assignment,
  Work,
  ItemHistoryParams,
} from './assignments.ts';
import { PageQuery, ProjectParams, page } from './common.ts';
import { ExportQuery, ImportQuery, ImportResult, ItemParams, ItemSummary } from './items.ts';
import {
  AddMemberBody,
  CreateProjectBody,
  Member,
  MemberParams,
  Project,
  UpdateProjectBody,
} from './projects.ts';
import { route } from './route.ts';
import {
  ApiToken,
  ChangePasswordBody,
  CreatedToken,
  CreateTokenBody,
  CreateUserBody,
  LoginBody,
  Session,
  TokenParams,
  UpdateUserBody,
  User,
  UserParams,
} from './users.ts';

export const routes = {
  health: route({
    operationId: 'health', method: 'GET', path: '/api/health', summary: 'Liveness and store kind',
    tag: 'system', auth: 'public', response: Health,
  }),
  login: route({
    operationId: 'login', method: 'POST', path: '/api/auth/login', summary: 'Sign in; sets a session cookie',
    tag: 'auth', auth: 'public', body: LoginBody, response: Session,
  }),
  logout: route({
    operationId: 'logout', method: 'POST', path: '/api/auth/logout', summary: 'End the current session',
    tag: 'auth', auth: 'user', response: null, status: 204,
  }),
  me: route({
    operationId: 'me', method: 'GET', path: '/api/auth/me', summary: 'The caller, with a fresh CSRF token',
    tag: 'auth', auth: 'user', response: Session,
  }),
  changePassword: route({
    operationId: 'changePassword', method: 'POST', path: '/api/auth/password', summary: 'Change own password',
    tag: 'auth', auth: 'user', body: ChangePasswordBody, response: null, status: 204,
  }),
  listTokens: route({
    operationId: 'listTokens', method: 'GET', path: '/api/tokens', summary: "The caller's API tokens",
    tag: 'auth', auth: 'user', response: z.object({ items: z.array(ApiToken) }),
  }),
  createToken: route({
    operationId: 'createToken', method: 'POST', path: '/api/tokens', summary: 'Create an API token (shown once)',
    tag: 'auth', auth: 'user', body: CreateTokenBody, response: CreatedToken, status: 201,
  }),
  revokeToken: route({
    operationId: 'revokeToken', method: 'DELETE', path: '/api/tokens/{tokenId}', summary: 'Revoke an API token',
    tag: 'auth', auth: 'user', params: TokenParams, response: null, status: 204,
  }),
  listUsers: route({
    operationId: 'listUsers', method: 'GET', path: '/api/users', summary: 'All users (admin, manager)',
    tag: 'users', auth: 'user', query: PageQuery, response: page(User),
  }),
  createUser: route({
    operationId: 'createUser', method: 'POST', path: '/api/users', summary: 'Create a user (admin)',
    tag: 'users', auth: 'user', body: CreateUserBody, response: User, status: 201,
  }),
  updateUser: route({
    operationId: 'updateUser', method: 'PATCH', path: '/api/users/{userId}',
    summary: 'Change name, role or status (admin); suspension takes effect on the next request',
    tag: 'users', auth: 'user', params: UserParams, body: UpdateUserBody, response: User,
  }),
  listProjects: route({
    operationId: 'listProjects', method: 'GET', path: '/api/projects', summary: 'Projects the caller can see',
    tag: 'projects', auth: 'user', query: PageQuery, response: page(Project),
  }),
  createProject: route({
    operationId: 'createProject', method: 'POST', path: '/api/projects', summary: 'Create a project (admin, manager)',
    tag: 'projects', auth: 'user', body: CreateProjectBody, response: Project, status: 201,
  }),
  getProject: route({
    operationId: 'getProject', method: 'GET', path: '/api/projects/{projectId}', summary: 'A project with progress',
    tag: 'projects', auth: 'user', params: ProjectParams, response: Project,
  }),
  updateProject: route({
    operationId: 'updateProject', method: 'PATCH', path: '/api/projects/{projectId}',
    summary: 'Change project settings (admin, manager)',
    tag: 'projects', auth: 'user', params: ProjectParams, body: UpdateProjectBody, response: Project,
  }),
  listMembers: route({
    operationId: 'listMembers', method: 'GET', path: '/api/projects/{projectId}/members', summary: 'Project members',
    tag: 'members', auth: 'user', params: ProjectParams, response: z.object({ items: z.array(Member) }),
  }),
  addMember: route({
    operationId: 'addMember', method: 'POST', path: '/api/projects/{projectId}/members',
    summary: 'Add a user to a project, or change their project role', tag: 'members', auth: 'user',
    params: ProjectParams, body: AddMemberBody, response: Member, status: 201,
  }),
  removeMember: route({
    operationId: 'removeMember', method: 'DELETE', path: '/api/projects/{projectId}/members/{userId}',
    summary: 'Remove a user from a project (their annotations are kept)', tag: 'members', auth: 'user',
    params: MemberParams, response: null, status: 204,
  }),
  importItems: route({
    operationId: 'importItems', method: 'POST', path: '/api/projects/{projectId}/items',
    summary: 'Import items from a streamed JSONL or CSV body; all or nothing unless skipInvalid',
    tag: 'items', auth: 'user', params: ProjectParams, query: ImportQuery, bodyKind: 'stream',
    response: ImportResult, status: 201,
  }),
  listItems: route({
    operationId: 'listItems', method: 'GET', path: '/api/projects/{projectId}/items',
    summary: 'Items of a project (managers: all; others: those assigned to them)', tag: 'items', auth: 'user',
    params: ProjectParams, query: PageQuery, response: page(ItemSummary),
  }),
  getItem: route({
    operationId: 'getItem', method: 'GET', path: '/api/items/{itemId}',
    summary: "An item with its annotations (managers and reviewers: everyone's; annotators: their own)",
    tag: 'items', auth: 'user', params: ItemParams, response: ItemDetail,
  }),
  annotationHistory: route({
    operationId: 'annotationHistory', method: 'GET', path: '/api/annotations/{annotationId}/revisions',
    summary: 'Every revision of an annotation', tag: 'annotations', auth: 'user', params: ItemHistoryParams,
    response: z.object({ items: z.array(Revision) }),
  }),
  exportItems: route({
    operationId: 'exportItems', method: 'GET', path: '/api/projects/{projectId}/export',
    summary: 'Stream the project out: a JSON line per item with every annotation', tag: 'items', auth: 'user',
    params: ProjectParams, query: ExportQuery, response: null, responseKind: 'jsonl',
  }),
  nextAssignment: route({
    operationId: 'nextAssignment', method: 'POST', path: '/api/projects/{projectId}/assignments/next',
    summary: "The caller's locked item, or a newly claimed one; 204 when nothing is left", tag: 'assignments',
    auth: 'user', params: ProjectParams, response: Work, mayBeEmpty: true,
  }),
  myAssignments: route({
    operationId: 'myAssignments', method: 'GET', path: '/api/projects/{projectId}/assignments/mine',
    summary: "The caller's work on a project, newest first", tag: 'assignments', auth: 'user',
    params: ProjectParams, query: MyWorkQuery, response: page(Work),
  }),
  getAssignment: route({
    operationId: 'getAssignment', method: 'GET', path: '/api/assignments/{assignmentId}',
    summary: 'One of the caller\'s assignments with its item and annotation', tag: 'assignments', auth: 'user',
    params: AssignmentParams, response: Work,
  }),
  saveDraft: route({
    operationId: 'saveDraft', method: 'PUT', path: '/api/assignments/{assignmentId}/draft',
    summary: 'Autosave answers; renews the lock', tag: 'assignments', auth: 'user',
    params: AssignmentParams, body: DraftBody, response: DraftResult,
  }),
  submit: route({
    operationId: 'submit', method: 'POST', path: '/api/assignments/{assignmentId}/submit',
    summary: 'Submit (or resubmit an edit); idempotent by idempotencyKey', tag: 'assignments', auth: 'user',
    params: AssignmentParams, body: SubmitBody, response: SubmitResult,
  }),
  skip: route({
    operationId: 'skip', method: 'POST', path: '/api/assignments/{assignmentId}/skip',
    summary: 'Skip the item; it goes to others', tag: 'assignments', auth: 'user',
    params: AssignmentParams, body: SkipBody, response: Assignment,
  }),
} as const;

export type Routes = typeof routes;
export type OperationId = keyof Routes;
