import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      // Pure renderer helpers (keys, amounts) beside their code.
      'renderer/src/**/*.test.ts',
      'electron/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/routing/**/*.test.ts',
      'tests/ebay/**/*.test.ts',
      'tests/woocommerce/**/*.test.ts',
      'tests/shopify/**/*.test.ts',
      'tests/vendure/**/*.test.ts',
    ],
    environment: 'node',
    // REBOUND_TEST_DATABASE=postgres: one template database per run (tests/support/workspace.ts).
    globalSetup: ['tests/support/locale.ts', 'tests/support/postgresSetup.ts'],
    // Real SQLite files and real images: give slow disks and image work room without hiding hangs.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
