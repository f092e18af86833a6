import { generateKind } from './generation/generation.kind.ts';
import type { JobKind } from './jobs/kind.ts';
import { judgeKind } from './judge/judge-kind.ts';
import { suggestKind } from './judge/suggest-kind.ts';
import { peaksKind } from './media/peaks-kind.ts';
import { probeKind } from './media/probe-kind.ts';

/**
 * The server's kinds of background job (docs/jobs.md), one line each. A runner only takes steps
 * of kinds it knows; `ServerConfig.jobKinds` adds more (tests).
 */
export const jobKinds: readonly JobKind[] = [
  judgeKind,
  suggestKind,
  generateKind as JobKind,
  probeKind as JobKind,
  peaksKind as JobKind,
];
