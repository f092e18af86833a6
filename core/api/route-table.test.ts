import { describe, expect, it } from 'vitest';
import { routeTable } from './route-table.ts';
import { routes } from './routes.ts';

describe('route table', () => {
  it('has every operation of the contract with its method, path and JSON-lines answer, as plain data the build can inline', () => {
    expect(Object.keys(routeTable).sort()).toEqual(Object.keys(routes).sort());
    for (const [op, def] of Object.entries(routes)) {
      const jsonl = 'responseKind' in def && def.responseKind === 'jsonl';
      expect(routeTable[op as keyof typeof routes]).toEqual({
        method: def.method,
        path: def.path,
        ...(jsonl ? { responseKind: 'jsonl' } : {}),
      });
    }
    expect(routeTable.exportItems.responseKind).toBe('jsonl');
    expect(JSON.parse(JSON.stringify(routeTable))).toEqual(routeTable);
  });
});
