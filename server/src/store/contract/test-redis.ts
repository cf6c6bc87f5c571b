import { inject } from 'vitest';

/** The run's redis-server (see redis-global-setup.ts): each test works under a key prefix of its own. */
export function sharedTestRedisUrl(): string {
  return inject('testRedisUrl');
}

let places = 0;

/** A key prefix no other test of this run uses: an empty place in the shared Redis. */
export function freshPrefix(): string {
  places++;
  return `test-${process.pid}-${places}-${Math.random().toString(36).slice(2, 8)}:`;
}
