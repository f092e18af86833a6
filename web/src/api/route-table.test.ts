import { describe, expect, it } from 'vitest';
import { routes } from '../../../core/api/routes.ts';
import { routeTable } from './route-table.ts';

describe('route table', () => {
  it('has every operation of the contract with its method and path, as plain data the build can inline', () => {
    expect(Object.keys(routeTable).sort()).toEqual(Object.keys(routes).sort());
    for (const [op, def] of Object.entries(routes)) {
      expect(routeTable[op as keyof typeof routes]).toEqual({ method: def.method, path: def.path });
    }
    expect(JSON.parse(JSON.stringify(routeTable))).toEqual(routeTable);
  });
});
