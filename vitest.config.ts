import { defineConfig } from 'vitest/config';

/**
 * One run, several projects: unit tests sit beside their modules; `tests/` holds what crosses
 * packages (real servers on random ports, real browsers). Forks, not threads: uWebSockets.js is a
 * native addon that wants a process of its own.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      { test: { name: 'bench', include: ['bench/src/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
