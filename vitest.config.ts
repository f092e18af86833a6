import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests a store or a browser never touches, kept beside store-bound code: they join the unit tier
 * and leave the server tier.
 */
const STORE_FREE = [
  'cli/demo/content.test.ts',
  'cli/help.test.ts',
  'cli/http-errors.test.ts',
  'server/auth/client-address.test.ts',
  'server/auth/throttle.test.ts',
  'server/db/coalesce.test.ts',
  'server/exports/format.test.ts',
  'server/exports/unanswered.test.ts',
  'server/generation/slots.test.ts',
  'server/imports/imported-lines.test.ts',
  'server/imports/spool.test.ts',
  'server/live/limiter.test.ts',
  'server/media/media-config.test.ts',
  'server/media/binaries.test.ts',
  'server/media/peaks.test.ts',
  'server/media/probe-facts.test.ts',
  'server/media/storage.contract.test.ts',
  'server/models/call-errors.test.ts',
  'server/models/limits.test.ts',
  'server/models/seal.test.ts',
  'server/net/address-class.test.ts',
  'server/sso/sso-config.test.ts',
  'server/stats/kernels.test.ts',
  'server/testing/openai-server.test.ts',
];

/** The rendering pipeline in Chromium: browser tests that live beside the web code they test. */
const IN_CHROMIUM = [
  'web/src/render/boundary.test.ts',
  'web/src/render/sanitize.test.ts',
  'web/src/render/worst-cases.test.ts',
];

/**
 * Every test file in exactly one tier (scripts/tiers.test.ts checks it):
 * - unit: no store, no browser, no web build; runs once, in seconds (`npm run test:unit`).
 * - server: on the store of the pass (VERITY_TEST_STORE), so once per store (`npm run test:server`).
 * - e2e: Chromium, and the built web app for the journeys; once, on SQLite (`npm run test:e2e`).
 */
export const TIERS = {
  unit: {
    include: ['core/**/*.test.ts', 'web/**/*.test.ts', 'scripts/**/*.test.ts', ...STORE_FREE],
    exclude: IN_CHROMIUM,
  },
  server: {
    include: ['server/**/*.test.ts', 'cli/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: STORE_FREE,
  },
  e2e: {
    include: ['e2e/**/*.e2e.test.ts', ...IN_CHROMIUM],
    exclude: [] as string[],
  },
};

/** A tier as a vitest project; vitest's own excludes (node_modules, .git) still apply. */
const project = (name: keyof typeof TIERS, more: { globalSetup?: string[] } = {}) => ({
  extends: true as const,
  test: {
    name,
    include: TIERS[name].include,
    exclude: [...configDefaults.exclude, ...TIERS[name].exclude],
    ...more,
  },
});

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      project('unit'),
      project('server'),
      // The journeys load the built app: build it once per run when it is missing or stale.
      project('e2e', { globalSetup: ['e2e/global-setup.ts'] }),
    ],
  },
});
