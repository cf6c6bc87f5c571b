import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haproxyConfig } from './haproxy-config.js';

describe('the HAProxy configuration in docs/scale-out.md', () => {
  it('is the one the tests and npm run start:cluster run', () => {
    const doc = readFileSync(new URL('../../../docs/scale-out.md', import.meta.url), 'utf8');
    const nodes = [1, 2, 3].map((n) => ({ name: `node-${n}`, address: `10.0.0.1${n}:8080` }));
    expect(doc).toContain(haproxyConfig({ bind: '*:80', nodes }).trimEnd());
  });
});
