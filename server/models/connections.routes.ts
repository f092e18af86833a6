import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as models from './connections.service.ts';

export const modelHandlers = (ctx: AppContext) =>
  ({
    listModelConnections: ({ caller }) => models.listModelConnections(ctx, caller),
    createModelConnection: ({ caller, body }) => models.createModelConnection(ctx, caller, body),
    getModelConnection: ({ caller, params }) => models.getModelConnection(ctx, caller, params.connectionId),
    updateModelConnection: ({ caller, params, body }) =>
      models.updateModelConnection(ctx, caller, params.connectionId, body),
    deleteModelConnection: ({ caller, params }) =>
      models.deleteModelConnection(ctx, caller, params.connectionId),
    testModelConnection: ({ caller, params }) => models.testModelConnection(ctx, caller, params.connectionId),
  }) satisfies Partial<Handlers>;
