import { type Routes, routes } from '../../../core/api/routes.ts';

/** What the browser needs of an operation to call it: its method and its path template. */
export type RouteAddress = { method: Routes[keyof Routes]['method']; path: string };

/**
 * The method and path of every operation, derived from the route contract. The build
 * (web/vite.config.ts) replaces this module with the table it evaluates to, so the app does not
 * load zod and every schema of the contract to learn where to send a request.
 */
export const routeTable: Record<keyof Routes, RouteAddress> = Object.fromEntries(
  Object.entries(routes).map(([op, def]) => [op, { method: def.method, path: def.path }]),
) as Record<keyof Routes, RouteAddress>;
