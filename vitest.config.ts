import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/**/*.test.ts',
      'server/**/*.test.ts',
      'cli/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
      'web/**/*.test.ts',
      'e2e/**/*.e2e.test.ts',
    ],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
