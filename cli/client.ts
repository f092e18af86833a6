import type { z } from 'zod';
import { type ApiClient, createApiClient } from '../core/api/client.ts';
import type { RouteDef } from '../core/api/route.ts';
import { routes } from '../core/api/routes.ts';
import type { HttpConfig } from './config.ts';
import { validationFailed } from './errors.ts';

/**
 * The CLI's client of the shared contract (core/api/client.ts): Node's fetch with the API token,
 * and each request checked against its route's schemas before it is sent.
 */
export function createClient(config: HttpConfig): ApiClient {
  return createApiClient({
    baseUrl: config.url,
    fetch: (url, init) => fetch(url, init),
    headers: () => ({ authorization: `Bearer ${config.token}` }),
    check: (op, input) => checkRequest(routes[op], input),
  });
}

/** Refuses a request whose parts do not fit the route's schemas, as the server would. */
function checkRequest(def: RouteDef, input: { params?: unknown; query?: unknown; body?: unknown }): void {
  check(def.params, input.params, 'params');
  check(def.query, input.query, 'query');
  check(def.body, input.body, 'body');
}

function check(schema: z.ZodType | undefined, value: unknown, where: string): void {
  if (!schema) return;
  const result = schema.safeParse(value ?? {});
  if (result.success) return;
  throw validationFailed(
    result.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message })),
  );
}
