import { createVerity } from '../server.ts';
import { testJobKinds } from './job-test-kind.ts';

/**
 * A bare server process for the crash test: opens the store named by the environment, listens on
 * 127.0.0.1 on a free port and prints `{"port":N}` on one stdout line. The test SIGKILLs it.
 *
 *   VERITY_DATA_DIR (required), VERITY_SECRET, VERITY_DATABASE_URL, VERITY_PG_SCHEMA;
 *   VERITY_TEST_JOB_LEASE_MS: also run the test job kinds (job-test-kind.ts), with this lease.
 */
const dataDir = process.env.VERITY_DATA_DIR;
if (!dataDir) throw new Error('VERITY_DATA_DIR is required');

const verity = await createVerity({
  dataDir,
  secret: process.env.VERITY_SECRET,
  databaseUrl: process.env.VERITY_DATABASE_URL || undefined,
  pgSchema: process.env.VERITY_PG_SCHEMA || undefined,
  // As `verity start` runs: the import worker also takes the checkpoints, claims commit lazily.
  startImportWorker: true,
  runJobs: true,
  ...(process.env.VERITY_TEST_JOB_LEASE_MS
    ? {
        jobKinds: testJobKinds,
        jobRunner: { leaseMs: Number(process.env.VERITY_TEST_JOB_LEASE_MS), pollMs: 50 },
      }
    : {}),
});
await verity.app.listen({ host: '127.0.0.1', port: 0 });
const address = verity.app.server.address();
if (address === null || typeof address === 'string') throw new Error(`unexpected address ${String(address)}`);
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);

const stop = () => {
  verity.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
