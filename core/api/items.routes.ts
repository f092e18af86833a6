import { z } from 'zod';
import { ItemDetail, ItemHistoryParams, Revision } from './assignments.ts';
import { ProjectParams, page } from './common.ts';
import {
  BulkItemAction,
  BulkItemResult,
  ExportQuery,
  ImportQuery,
  ImportResult,
  ItemParams,
  ItemSummary,
  ListItemsQuery,
} from './items.ts';
import { bodyLimits, route } from './route.ts';
import { SubtitlesQuery } from './subtitles.ts';

/** A project's items: import, browse, one item and its annotations' history, export. */
export const itemRoutes = {
  importItems: route({
    operationId: 'importItems',
    method: 'POST',
    path: '/api/projects/{projectId}/items',
    summary: 'Import items from a streamed JSONL or CSV body; all or nothing unless skipInvalid',
    tag: 'items',
    auth: 'user',
    params: ProjectParams,
    query: ImportQuery,
    bodyKind: 'stream',
    response: ImportResult,
    status: 201,
  }),
  listItems: route({
    operationId: 'listItems',
    method: 'GET',
    path: '/api/projects/{projectId}/items',
    summary: 'Items of a project (managers: all; others: those assigned to them)',
    tag: 'items',
    auth: 'user',
    params: ProjectParams,
    query: ListItemsQuery,
    response: page(ItemSummary),
  }),
  bulkItemAction: route({
    operationId: 'bulkItemAction',
    method: 'POST',
    path: '/api/projects/{projectId}/items/actions',
    summary:
      'One action on many items (set priority, return to the queue, delete), all or nothing; project managers only',
    tag: 'items',
    auth: 'user',
    params: ProjectParams,
    body: BulkItemAction,
    bodyLimit: bodyLimits.itemIds,
    response: BulkItemResult,
  }),
  getItem: route({
    operationId: 'getItem',
    method: 'GET',
    path: '/api/items/{itemId}',
    summary: "An item with its annotations (managers and reviewers: everyone's; annotators: their own)",
    tag: 'items',
    auth: 'user',
    params: ItemParams,
    response: ItemDetail,
  }),
  annotationHistory: route({
    operationId: 'annotationHistory',
    method: 'GET',
    path: '/api/annotations/{annotationId}/revisions',
    summary: 'Every revision of an annotation',
    tag: 'annotations',
    auth: 'user',
    params: ItemHistoryParams,
    response: z.object({ items: z.array(Revision) }),
  }),
  exportItems: route({
    operationId: 'exportItems',
    method: 'GET',
    path: '/api/projects/{projectId}/export',
    summary:
      'Stream the project out: JSON lines (a line per item with every annotation, or a training format) or CSV',
    tag: 'items',
    auth: 'user',
    params: ProjectParams,
    query: ExportQuery,
    response: null,
    responseKind: 'file',
  }),
  itemSubtitles: route({
    operationId: 'itemSubtitles',
    method: 'GET',
    path: '/api/items/{itemId}/subtitles',
    summary:
      "One annotation's segments answer as subtitles (text/vtt or application/x-subrip, an attachment), to those who may see the annotation",
    tag: 'items',
    auth: 'user',
    params: ItemParams,
    query: SubtitlesQuery,
    response: null,
    responseKind: 'file',
  }),
} as const;
