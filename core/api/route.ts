import type { z } from 'zod';

/**
 * One HTTP operation, described once. The server registers a handler per operationId and
 * validates against these schemas; the OpenAPI document and the typed client derive from them.
 */
export interface RouteDef {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style path: /api/projects/{projectId} */
  path: string;
  summary: string;
  tag: string;
  /** `public` needs no caller; every other route needs a signed-in, active user. */
  auth: 'public' | 'user';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** `stream`: the body is JSONL or CSV read as a stream, never held whole. */
  bodyKind?: 'json' | 'stream';
  response: z.ZodType | null;
  responseKind?: 'json' | 'jsonl';
  /** Success status; 204 routes have response null. */
  status?: 200 | 201 | 204;
  /** The route may also answer 204 when there is nothing to return. */
  mayBeEmpty?: boolean;
}

export const route = <const R extends RouteDef>(r: R): R => r;
