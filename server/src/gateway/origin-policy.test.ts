import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin-policy.js';

describe('whitelisted domains', () => {
  it('allows every site when the list is empty', () => {
    expect(isOriginAllowed('https://anything.test', [])).toBe(true);
    expect(isOriginAllowed(undefined, [])).toBe(true);
  });

  it('matches host names exactly, wildcards on subdomains only, and ports when given', () => {
    const list = ['example.com', '*.shop.example', 'localhost:5173'];
    expect(isOriginAllowed('https://example.com', list)).toBe(true);
    expect(isOriginAllowed('https://www.example.com', list)).toBe(false);
    expect(isOriginAllowed('https://eu.shop.example', list)).toBe(true);
    expect(isOriginAllowed('https://a.b.shop.example', list)).toBe(true);
    expect(isOriginAllowed('https://shop.example', list)).toBe(false);
    expect(isOriginAllowed('https://evilshop.example', list)).toBe(false);
    expect(isOriginAllowed('http://localhost:5173', list)).toBe(true);
    expect(isOriginAllowed('http://localhost:8080', list)).toBe(false);
    expect(isOriginAllowed('https://example.com.evil.test', list)).toBe(false);
  });

  it('refuses a missing or malformed origin when a list is set', () => {
    expect(isOriginAllowed(undefined, ['example.com'])).toBe(false);
    expect(isOriginAllowed('null', ['example.com'])).toBe(false);
  });
});
