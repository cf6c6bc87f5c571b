import { afterEach, beforeEach } from 'vitest';

/**
 * For a describe whose tests are steps of one story (each builds on the one before): once a
 * step fails, the later ones are skipped rather than failing for a reason that is not theirs.
 */
export function stepsOfOneStory(): void {
  let failed = false;
  beforeEach((context) => {
    if (failed) context.skip();
  });
  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });
}
