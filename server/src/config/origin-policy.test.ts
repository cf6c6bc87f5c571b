import { describe, expect, it } from 'vitest';
import { isOriginAllowed, mayHostWidget } from './origin-policy.js';

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

describe("Parley's own pages", () => {
  const request = (headers: Record<string, string>) => ({ header: (name: string) => headers[name] });
  const list = ['shop.example'];

  it('may host any room: same origin as PUBLIC_URL, or as the Host the browser used when that is this machine or PUBLIC_URL', () => {
    expect(mayHostWidget(request({ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080' }), list, 'https://chat.example')).toBe(true);
    expect(mayHostWidget(request({ origin: 'http://localhost:8080', host: 'localhost:8080' }), list, 'https://chat.example')).toBe(true);
    expect(mayHostWidget(request({ origin: 'https://chat.example', host: 'internal:8080' }), list, 'https://chat.example')).toBe(true);
    expect(mayHostWidget(request({ 'sec-fetch-site': 'same-origin', host: 'chat.example' }), list, 'https://chat.example')).toBe(true);
  });

  it('does not trust a Host that names another site, even if it leads here (DNS rebinding)', () => {
    expect(mayHostWidget(request({ origin: 'http://evil.example:8080', host: 'evil.example:8080' }), list, 'https://chat.example')).toBe(false);
    expect(mayHostWidget(request({ 'sec-fetch-site': 'same-origin', host: 'evil.example' }), list, 'https://chat.example')).toBe(false);
  });

  it('does not let another site pass for one', () => {
    expect(mayHostWidget(request({ origin: 'https://evil.example', host: 'chat.example' }), list, 'https://chat.example')).toBe(false);
    expect(mayHostWidget(request({ 'sec-fetch-site': 'cross-site' }), list, 'https://chat.example')).toBe(false);
    expect(mayHostWidget(request({}), list, 'https://chat.example')).toBe(false);
    expect(mayHostWidget(request({ origin: 'https://shop.example', host: 'chat.example' }), list, 'https://chat.example')).toBe(true);
  });
});
