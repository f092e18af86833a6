import type { StoreKind } from '../server/db/store.ts';

export const PARTS = [
  'import',
  'next',
  'soak',
  'export',
  'stats',
  'metrics',
  'dashboards',
  'search',
  'jobs',
  'generation',
  'consensus',
  'adaptive',
  'offboard',
  'roster',
  'browser',
  'peaks',
] as const;
export type Part = (typeof PARTS)[number];
const STORES: readonly StoreKind[] = ['sqlite', 'postgres'];

export interface BenchOptions {
  /** Items in the project every part works on. */
  size: number;
  stores: StoreKind[];
  only: Part[];
  smoke: boolean;
  /** Concurrent annotators in the next-item part. */
  annotators: number;
  /** Mean think time (exponential) between an annotator's requests in the think-time phase. */
  thinkMs: number;
  /** How long the think-time phase runs. */
  pacedSeconds: number;
  /** Next → submit rounds per annotator with no think time, for the saturated rate. */
  rounds: number;
  /** Rounds of the one annotator who works alone first: enough samples for a p99. */
  soloRounds: number;
  /** Unmeasured rounds of that annotator before `soloRounds` more are measured again. */
  soloLateAfter: number;
  /** Annotators in the soak's storm (no think time). */
  soakAnnotators: number;
  /** How long the soak's storm runs. */
  soakSeconds: number;
  /** A PostgreSQL server the bench may create and drop a database on. */
  pgUrl: string;
  /** Steps of the job the jobs part times. */
  jobSteps: number;
  /** Write a V8 CPU profile of every server child into this folder. */
  profileDir: string | undefined;
}

export const USAGE = `npm run bench -- [--size N] [--stores sqlite,postgres] [--only import,next,soak,export,stats,metrics,dashboards,search,jobs,generation,consensus,adaptive,offboard,roster,browser,peaks]
  [--smoke] [--annotators N] [--think-ms N] [--seconds N] [--rounds N] [--soak-annotators N] [--soak-seconds N]
  [--pg-url postgres://…] [--profile DIR] [--job-steps N]`;

export function parseOptions(argv: string[]): BenchOptions {
  const given = new Map<string, string>();
  let smoke = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--smoke') {
      smoke = true;
      continue;
    }
    const [key, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (!key.startsWith('--') || value === undefined) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    given.set(key.slice(2), value);
  }
  const known = new Set([
    'size',
    'stores',
    'only',
    'annotators',
    'think-ms',
    'seconds',
    'rounds',
    'soak-annotators',
    'soak-seconds',
    'pg-url',
    'profile',
    'job-steps',
  ]);
  for (const key of given.keys()) if (!known.has(key)) throw new Error(`unknown option --${key}\n${USAGE}`);
  return {
    size: count(given.get('size'), smoke ? 2000 : 1_000_000, 'size'),
    stores: list(given.get('stores'), STORES, 'stores'),
    only: list(given.get('only'), PARTS, 'only'),
    smoke,
    annotators: count(given.get('annotators'), smoke ? 8 : 200, 'annotators'),
    thinkMs: count(given.get('think-ms'), smoke ? 50 : 1000, 'think-ms', 0),
    pacedSeconds: count(given.get('seconds'), smoke ? 3 : 30, 'seconds'),
    rounds: count(given.get('rounds'), smoke ? 3 : 10, 'rounds'),
    soakAnnotators: count(given.get('soak-annotators'), smoke ? 8 : 50, 'soak-annotators'),
    soakSeconds: count(given.get('soak-seconds'), smoke ? 3 : 60, 'soak-seconds'),
    soloRounds: smoke ? 3 : 200,
    soloLateAfter: smoke ? 3 : 2000,
    pgUrl:
      given.get('pg-url') ?? process.env.VERITY_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    profileDir: given.get('profile'),
    jobSteps: count(given.get('job-steps'), smoke ? 300 : 10_000, 'job-steps'),
  };
}

function count(value: string | undefined, fallback: number, name: string, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`--${name} must be an integer of at least ${min}, not ${value}`);
  return n;
}

function list<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T[] {
  if (value === undefined) return [...allowed];
  const picked = value.split(',').map((s) => s.trim());
  for (const p of picked) {
    if (!(allowed as readonly string[]).includes(p))
      throw new Error(`--${name}: ${p} is not one of ${allowed.join(', ')}`);
  }
  return allowed.filter((a) => picked.includes(a));
}
