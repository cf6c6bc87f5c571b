import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from './load-config.js';
import { hashPassword, verifyPassword } from './password.js';

function fileWith(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'parley-config-')), 'parley.config.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function problems(env: Record<string, string>): string[] {
  try {
    loadServerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('loads the demo config with its defaults filled in', () => {
    const config = loadServerConfig({});
    expect(config.env).toMatchObject({ PORT: 8080, TRANSPORT: 'uws', STORE: 'embedded', DATA_DIR: 'data' });
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.file.rooms.map((r) => r.name)).toEqual(['GENERAL', 'SALES']);
    expect(config.file.rooms[0]).toMatchObject({ includeMobileStaff: true, capacityPerAgent: 2, whitelistedDomains: [] });
    expect(config.file.agents).toHaveLength(3);
  });

  it('lists every problem in the file and the environment at once, by path, in plain words', () => {
    const path = fileWith({
      rooms: [
        { name: 'GENERAL', label: 'General', routing: 'fastest', statsKey: 'short', offerTimeout: 10 },
        { name: 'GENERAL', label: '', statsKey: 'long-enough-stats-key', capacityPerAgent: 0, whitelistedDomains: ['http://x.com/'] },
      ],
      // An agent may have no password yet (they set one through an invite link), but never a plain one or a malformed hash.
      agents: [{ id: 'not-an-email', name: 'X', password: 'hunter2', passwordHash: 'hunter2', rooms: ['NOWHERE'], clients: [] }],
    });
    const found = problems({ PARLEY_CONFIG: path, PORT: 'eighty', TRANSPORT: 'carrier-pigeon' });
    const expected = [
      'environment variable PORT: must be a whole number',
      'environment variable TRANSPORT: must be "uws" or "ws"',
      `${path} rooms[0]: unknown setting "offerTimeout" (check the spelling)`,
      `${path} rooms[0].routing: must be "quickest-reply" or "sticky"`,
      `${path} rooms[0].statsKey: must be at least 16 characters`,
      `${path} rooms[1].label: must not be empty`,
      `${path} rooms[1].capacityPerAgent: must be at least 1`,
      `${path} rooms[1].whitelistedDomains[0]: must be a host name like example.com or *.example.com, optionally with :port`,
      `${path} agents[0].id: must be an email address`,
      `${path} agents[0].password: plain passwords are not accepted: put the output of \`npm run hash-password\` in passwordHash instead`,
      `${path} agents[0].passwordHash: must be a hash printed by \`npm run hash-password\`, not a password`,
      `${path} agents[0].clients: must allow at least one client`,
    ];
    for (const line of expected) expect(found).toContain(line);
  });

  it('checks what spans several entries: duplicates, unknown rooms, private room clashes', () => {
    const hash = `scrypt$32768$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`;
    const path = fileWith({
      rooms: [
        { name: 'GENERAL', label: 'G', statsKey: 'long-enough-stats-key' },
        { name: 'GENERAL', label: 'G2', statsKey: 'long-enough-stats-key' },
        { name: 'AGENT-SAM', label: 'Clash', statsKey: 'long-enough-stats-key' },
      ],
      agents: [
        { id: 'sam@x.test', name: 'Sam', passwordHash: hash, rooms: ['GENERAL', 'SALES'] },
        { id: 'SAM@x.test', name: 'Sam again', passwordHash: hash, rooms: ['GENERAL'], privateRoom: 'OTHER' },
      ],
    });
    const found = problems({ PARLEY_CONFIG: path });
    expect(found).toContain(`${path} rooms[1].name: room GENERAL is listed twice`);
    expect(found).toContain(`${path} agents[0].rooms[1]: no room is named SALES`);
    expect(found).toContain(`${path} agents[1].id: agent SAM@x.test is listed twice`);
    expect(found).toContain(`${path} agents[0].privateRoom: private room AGENT-SAM has the same name as room AGENT-SAM; set privateRoom to another name`);
  });

  it('says so when the file is missing or not JSON', () => {
    expect(problems({ PARLEY_CONFIG: '/nowhere/parley.json' })).toEqual(['config file /nowhere/parley.json: the file does not exist']);
    const path = fileWith('{ rooms: [');
    expect(problems({ PARLEY_CONFIG: path })[0]).toMatch(new RegExp(`^config file ${path}: not valid JSON`));
  });
});

describe('password hashes', () => {
  it('verify the right password only, and never a malformed hash', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horse ', hash)).toBe(false);
    expect(await verifyPassword('correct horse', 'correct horse')).toBe(false);
  });
});
