import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { bulkItemAction } from './bulk.service.ts';
import * as items from './items.service.ts';

export const itemHandlers = (ctx: AppContext) =>
  ({
    listItems: ({ caller, params, query }) => items.listItems(ctx, caller, params.projectId, query),
    getItem: ({ caller, params }) => items.getItem(ctx, caller, params.itemId),
    bulkItemAction: ({ caller, params, body }) => bulkItemAction(ctx, caller, params.projectId, body),
  }) satisfies Partial<Handlers>;
