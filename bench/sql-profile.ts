import fs from 'node:fs';
import pg from 'pg';
import type { Store } from '../server/db/store.ts';

interface Entry {
  sql: string;
  count: number;
  ms: number;
  prepareMs: number;
}

/**
 * Times every statement the server runs, by SQL text, for `--sql-profile`: on SQLite the
 * prepare and the step inside better-sqlite3 (wall time of synchronous calls), on PostgreSQL the
 * round trip of each query as the pool client sees it. Written as JSON when the process exits.
 */
export function profileSql(store: Store, file: string): void {
  const entries = new Map<string, Entry>();
  const entry = (sql: string): Entry => {
    const key = sql.replace(/\s+/g, ' ').replace(/\(\?(, \?)+\)/g, '(?, …)');
    let e = entries.get(key);
    if (!e) {
      e = { sql: key, count: 0, ms: 0, prepareMs: 0 };
      entries.set(key, e);
    }
    return e;
  };
  if (store.kind === 'sqlite') {
    const db = store.sqlite;
    const prepare = db.prepare.bind(db);
    db.prepare = ((source: string) => {
      const started = performance.now();
      const stmt = prepare(source);
      const e = entry(source);
      e.prepareMs += performance.now() - started;
      for (const method of ['run', 'all', 'get'] as const) {
        const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
        (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
          const t = performance.now();
          try {
            return original(...args);
          } finally {
            e.count += 1;
            e.ms += performance.now() - t;
          }
        };
      }
      return stmt;
    }) as typeof db.prepare;
  } else {
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function timedQuery(this: pg.Client, ...args: unknown[]) {
      const text =
        typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '(cursor)');
      const started = performance.now();
      const result = query.apply(this, args);
      if (result instanceof Promise) {
        const e = entry(text);
        void result.then(
          () => {
            e.count += 1;
            e.ms += performance.now() - started;
          },
          () => undefined,
        );
      }
      return result;
    } as typeof pg.Client.prototype.query;
  }
  process.on('exit', () => {
    const sorted = [...entries.values()].sort((a, b) => b.ms + b.prepareMs - (a.ms + a.prepareMs));
    fs.writeFileSync(file, JSON.stringify(sorted, null, 1));
  });
}
