import type { Store, StoreKind } from '../server/db/store.ts';
import type { BenchOptions } from './options.ts';
import type { Report } from './report.ts';
import type { BenchUser } from './server-child.ts';
import type { ServerChild } from './servers.ts';

/** What each part of one store's run shares: the servers, the project, a direct store handle. */
export interface StoreRun {
  kind: StoreKind;
  options: BenchOptions;
  report: Report;
  /** servers[0] serves import and export; the next-item part spreads annotators over all. */
  servers: ServerChild[];
  admin: BenchUser;
  projectId: number;
  /** Opened after the servers have migrated the store. */
  store: Store;
  /** Replaces servers[0] with a new process, so a memory figure starts from a clean heap. */
  restartFirstServer(): Promise<ServerChild>;
}
