import { describe, expect, it } from 'vitest';
import { routeTable } from './route-table.ts';
import { routes } from './routes.ts';

describe('route table', () => {
  it('has every operation of the contract with its method, path and kind of answer (JSON lines, CSV, either), as plain data the build can inline', () => {
    expect(Object.keys(routeTable).sort()).toEqual(Object.keys(routes).sort());
    for (const [op, def] of Object.entries(routes)) {
      const kind = 'responseKind' in def ? def.responseKind : undefined;
      expect(routeTable[op as keyof typeof routes]).toEqual({
        method: def.method,
        path: def.path,
        ...(kind ? { responseKind: kind } : {}),
      });
    }
    expect(routeTable.exportItems.responseKind).toBe('file');
    expect(routeTable.annotatorStatsCsv.responseKind).toBe('csv');
    expect(JSON.parse(JSON.stringify(routeTable))).toEqual(routeTable);
  });
});
