import { type Routes, routes } from './routes.ts';

/** What a client needs of an operation to call it: its method, its path template and how it answers. */
export type RouteAddress = {
  method: Routes[keyof Routes]['method'];
  path: string;
  /**
   * Only on routes that answer JSON lines, CSV (the per-annotator table), either (the export), or
   * a redirect a browser follows (single sign-on).
   */
  responseKind?: 'jsonl' | 'csv' | 'file' | 'redirect' | 'media';
};

/**
 * The address of every operation, derived from the route contract. The web build
 * (web/vite.config.ts) replaces this module with the table it evaluates to, so the browser does
 * not load zod and every schema of the contract to learn where to send a request.
 */
export const routeTable: Record<keyof Routes, RouteAddress> = Object.fromEntries(
  Object.entries(routes).map(([op, def]) => [
    op,
    {
      method: def.method,
      path: def.path,
      ...('responseKind' in def ? { responseKind: def.responseKind } : {}),
    },
  ]),
) as Record<keyof Routes, RouteAddress>;
