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
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'demo/src/**/*.test.ts'],
          environment: 'node',
          // The Redis store's contract suites run against a real redis-server, one for the run.
          globalSetup: ['server/src/store/contract/redis-global-setup.ts'],
        },
      },
      { test: { name: 'bench', include: ['bench/src/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/src/**/*.test.ts'],
          environment: 'node',
          // Browser tests load the built widget and console: build them first when missing or stale.
          globalSetup: ['tests/src/support/build-widget.ts', 'tests/src/support/build-console.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The widget's components, rendered in happy-dom (Preact's JSX, as the widget's build compiles it).
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'widget',
          include: ['widget/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        // Admin console state and components in happy-dom, with Preact's JSX.
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'admin',
          include: ['admin/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        // Agent console components in happy-dom, with Preact's JSX.
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'console',
          include: ['agent/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
