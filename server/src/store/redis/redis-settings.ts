import type { AuditEntry, SettingsChange, SettingsRecord, SettingsWrite } from '../settings-record.js';
import { settingsKey } from '../settings-record.js';
import type { AuditStore, SettingsStore } from '../store.js';
import { LuaScript } from './lua-script.js';
import type { RedisClient } from './redis-client.js';
import type { RedisKeys } from './redis-keys.js';

/** Audit entries a subject keeps (newest first). */
const AUDIT_KEPT = 1000;

/**
 * A batch of settings writes, all or nothing: every record must be at the version its write
 * names, then each gets its new version and the next store-wide revision. The JSON is put together
 * here, around the version and revision only Redis knows.
 * KEYS: records, deleted records, versions, revision counter, changes.
 * ARGV: the revision the batch was checked against ('' for none), then per write its key,
 * expected version, '1' to delete, and its JSON after the opening brace.
 * Answers {1, the records as written}, {0, index of the first stale write} or {2} (written since the revision).
 */
const WRITE = new LuaScript(`if ARGV[1] ~= '' and tonumber(redis.call('GET', KEYS[4]) or '0') > tonumber(ARGV[1]) then return {2} end
local n = (#ARGV - 1) / 4
for i = 0, n - 1 do
  local v = tonumber(redis.call('HGET', KEYS[3], ARGV[i * 4 + 2]) or '0')
  if v < 0 then v = 0 end
  if v ~= tonumber(ARGV[i * 4 + 3]) then return {0, i} end
end
local written = {1}
for i = 0, n - 1 do
  local key, expected, delete, rest = ARGV[i * 4 + 2], tonumber(ARGV[i * 4 + 3]), ARGV[i * 4 + 4], ARGV[i * 4 + 5]
  local v = tonumber(redis.call('HGET', KEYS[3], key) or '0')
  local deleted = 0
  if expected == 0 and v < 0 then deleted = -v end
  local version = math.max(expected, deleted) + 1
  local revision = redis.call('INCR', KEYS[4])
  local json = '{"version":' .. version .. ',"revision":' .. revision .. ',' .. rest
  if delete == '1' then
    redis.call('HDEL', KEYS[1], key)
    redis.call('HSET', KEYS[2], key, json)
    redis.call('HSET', KEYS[3], key, -version)
  else
    redis.call('HSET', KEYS[1], key, json)
    redis.call('HDEL', KEYS[2], key)
    redis.call('HSET', KEYS[3], key, version)
  end
  redis.call('ZADD', KEYS[5], revision, key)
  written[#written + 1] = json
end
return written`);

const parse = <T>(json: string) => JSON.parse(json) as T;

/**
 * Settings in Redis. Each record keeps its latest value (or its deletion) and its latest revision
 * in a sorted set, so `changesAfter` is one range read however many saves there were: what a node
 * needs to catch up after hearing that something changed.
 */
export function redisSettings(client: RedisClient, keys: RedisKeys): SettingsStore {
  return {
    async all() {
      const values = (await client.sendCommand(['HVALS', keys.settings])) as string[];
      return values.map((json) => parse<SettingsRecord>(json));
    },
    async changesAfter(revision) {
      const changed = (await client.sendCommand(['ZRANGE', keys.settingsChanges, `(${revision}`, '+inf', 'BYSCORE'])) as string[];
      if (changed.length === 0) return [];
      const [live, deleted] = (await client.multi().hmGet(keys.settings, changed).hmGet(keys.settingsDeleted, changed).exec()) as unknown as [
        (string | null)[],
        (string | null)[],
      ];
      const changes = changed.map((_, i) => parse<SettingsChange>((live[i] ?? deleted[i])!));
      return changes.filter((change) => change.revision > revision).sort((a, b) => a.revision - b.revision);
    },
    async write(writes: readonly SettingsWrite[], afterRevision?: number) {
      const perWrite = writes.flatMap(({ expectedVersion, at, ...write }) => [
        settingsKey(write.kind, write.id),
        expectedVersion,
        write.value === null ? '1' : '0',
        JSON.stringify({ ...write, updatedAt: at }).slice(1),
      ]);
      const args = [afterRevision === undefined ? '' : afterRevision, ...perWrite];
      const answer = await WRITE.run<[number, ...(string | number)[]]>(
        client,
        [keys.settings, keys.settingsDeleted, keys.settingsVersions, keys.settingsRevision, keys.settingsChanges],
        args,
      );
      if (answer[0] === 1) return { ok: true, records: answer.slice(1).map((json) => parse<SettingsChange>(json as string)) };
      if (answer[0] === 2) return { ok: false, reason: 'revision' };
      const stale = writes[answer[1] as number]!;
      const current = (await client.sendCommand(['HGET', keys.settings, settingsKey(stale.kind, stale.id)])) as string | null;
      return { ok: false, reason: 'version', kind: stale.kind, id: stale.id, current: current === null ? null : parse<SettingsRecord>(current) };
    },
  };
}

export function redisAudit(client: RedisClient, keys: RedisKeys): AuditStore {
  return {
    async append(entry) {
      await client
        .multi()
        .lPush(keys.audit(entry.subject), JSON.stringify(entry))
        .lTrim(keys.audit(entry.subject), 0, AUDIT_KEPT - 1)
        .exec();
    },
    async list(subject, limit) {
      if (limit <= 0) return [];
      const values = (await client.sendCommand(['LRANGE', keys.audit(subject), '0', String(limit - 1)])) as string[];
      return values.map((json) => parse<AuditEntry>(json));
    },
  };
}
