import { page } from './common.ts';
import { route } from './route.ts';
import {
  BulkStatusBody,
  BulkStatusResult,
  CreateUserBody,
  ListUsersQuery,
  PasswordResetLink,
  UpdateUserBody,
  User,
  UserParams,
} from './users.ts';

/** Accounts, for admins: list, create, change, and one-time password reset links. */
export const userRoutes = {
  listUsers: route({
    operationId: 'listUsers',
    method: 'GET',
    path: '/api/users',
    summary: 'All users, or those whose name or email contains `q` (admin, manager)',
    tag: 'users',
    auth: 'user',
    query: ListUsersQuery,
    response: page(User),
  }),
  createUser: route({
    operationId: 'createUser',
    method: 'POST',
    path: '/api/users',
    summary: 'Create a user (admin)',
    tag: 'users',
    auth: 'user',
    body: CreateUserBody,
    response: User,
    status: 201,
  }),
  updateUser: route({
    operationId: 'updateUser',
    method: 'PATCH',
    path: '/api/users/{userId}',
    summary:
      'Change name, role, status or contract window (admin); suspension and the window take effect on the next request',
    tag: 'users',
    auth: 'user',
    params: UserParams,
    body: UpdateUserBody,
    response: User,
  }),
  bulkUserStatus: route({
    operationId: 'bulkUserStatus',
    method: 'POST',
    path: '/api/users/status',
    summary:
      'Suspend, offboard or reinstate many users at once, by email or id, in one transaction (admin); reports each',
    tag: 'users',
    auth: 'user',
    body: BulkStatusBody,
    response: BulkStatusResult,
  }),
  createPasswordReset: route({
    operationId: 'createPasswordReset',
    method: 'POST',
    path: '/api/users/{userId}/password-reset',
    summary: "Make a one-time password-reset link for a user (admin); it voids the user's earlier links",
    tag: 'users',
    auth: 'user',
    params: UserParams,
    response: PasswordResetLink,
    status: 201,
  }),
} as const;
