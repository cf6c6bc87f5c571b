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
      {
        test: {
          name: 'integration',
          include: ['tests/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Browser tests load the built widget: build it first when it is missing or stale.
          globalSetup: ['tests/src/support/build-widget.ts'],
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
    ],
  },
});
