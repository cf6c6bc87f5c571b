import { FINISHED_STATES, type OutboxRecord, type OutboxState } from '../outbox-record.js';
import type { OutboxStore } from '../store.js';
import { LuaScript } from './lua-script.js';
import type { RedisClient } from './redis-client.js';
import type { RedisKeys } from './redis-keys.js';

/**
 * Records each email not yet known, by id, in one step. KEYS: the unfinished set, then each
 * email's key. ARGV: per email its JSON, creation time and id. Answers the ids that were new.
 */
const ADD = new LuaScript(`local fresh = {}
for i = 2, #KEYS do
  local at = (i - 2) * 3
  if redis.call('SET', KEYS[i], ARGV[at + 1], 'NX') then
    redis.call('ZADD', KEYS[1], ARGV[at + 2], ARGV[at + 3])
    fresh[#fresh + 1] = ARGV[at + 3]
  end
end
return fresh`);

/**
 * Moves an email on if it is still as read. KEYS: its key, the unfinished set. ARGV: the JSON as
 * read, the new value, its id, '1' when finished (the value is then only its state).
 */
const UPDATE = new LuaScript(`if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
if ARGV[4] == '1' then redis.call('ZREM', KEYS[2], ARGV[3]) end
return 1`);

/**
 * Takes (or extends, for its holder) the right to send an unfinished email. KEYS: the email, its
 * claim. ARGV: holder, lease in ms.
 */
const CLAIM = new LuaScript(`local value = redis.call('GET', KEYS[1])
if not value or string.sub(value, 1, 1) ~= '{' then return 0 end
local holder = redis.call('GET', KEYS[2])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
return 1`);

const parse = (value: string): OutboxRecord | OutboxState => (value.startsWith('{') ? (JSON.parse(value) as OutboxRecord) : (value as OutboxState));

/** The outbox in Redis: records while unfinished, only the state once done; claims with a lease. */
export function redisOutbox(client: RedisClient, keys: RedisKeys): OutboxStore {
  return {
    async add(records) {
      if (records.length === 0) return [];
      const args = records.flatMap((record) => [JSON.stringify(record), record.createdAt, record.id]);
      return ADD.run<string[]>(client, [keys.mails, ...records.map((record) => keys.mail(record.id))], args);
    },
    async update(id, change) {
      for (;;) {
        const json = (await client.sendCommand(['GET', keys.mail(id)])) as string | null;
        if (json === null) return;
        const current = parse(json);
        if (typeof current === 'string') return;
        const next = { ...current, ...change };
        const finished = FINISHED_STATES.has(next.state);
        const value = finished ? next.state : JSON.stringify(next);
        if ((await UPDATE.run<number>(client, [keys.mail(id), keys.mails], [json, value, id, finished ? '1' : '0'])) === 1) return;
      }
    },
    async state(id) {
      const json = (await client.sendCommand(['GET', keys.mail(id)])) as string | null;
      if (json === null) return undefined;
      const current = parse(json);
      return typeof current === 'string' ? current : current.state;
    },
    async unfinished() {
      const ids = (await client.sendCommand(['ZRANGE', keys.mails, '0', '-1'])) as string[];
      const found: OutboxRecord[] = [];
      for (let start = 0; start < ids.length; start += 500) {
        const values = (await client.sendCommand(['MGET', ...ids.slice(start, start + 500).map(keys.mail)])) as (string | null)[];
        for (const value of values) {
          const record = value === null ? null : parse(value);
          if (record && typeof record !== 'string') found.push(record);
        }
      }
      return found.sort((a, b) => a.createdAt - b.createdAt);
    },
    async claim(id, holder, leaseMs) {
      // One node sends an email at a time; one that dies while sending lets go when its lease ends.
      return (await CLAIM.run<number>(client, [keys.mail(id), keys.mailClaim(id)], [holder, leaseMs])) === 1;
    },
  };
}
