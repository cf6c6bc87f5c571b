import type { TestProject } from 'vitest/node';
import { RedisServerProcess } from '../redis/redis-server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A real redis-server for the whole test run (tests that stop or restart Redis start their own). */
    testRedisUrl: string;
  }
}

/** Vitest's global setup: one redis-server per test run, stopped when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await RedisServerProcess.start({ appendfsync: 'no' });
  project.provide('testRedisUrl', redis.url);
  return () => redis.stop();
}
