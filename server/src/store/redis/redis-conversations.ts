import type { ChatMessage } from '@parley/shared';
import type { ConversationRecord, ConversationStore, MessageStore } from '../store.js';
import { LuaScript } from './lua-script.js';
import type { RedisClient } from './redis-client.js';
import type { RedisKeys } from './redis-keys.js';

/**
 * The routing owner's writes carry its epoch: a node that lost the lease (paused, cut off) and
 * still believes it routes is refused here, by Redis, instead of overwriting the new owner's work.
 */
const FENCE = `if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return redis.error_reply('FENCED: this node no longer owns routing')
end`;

/**
 * KEYS: epoch, record, open set, visitor set, the room's ended set. ARGV: fence, record JSON, id,
 * createdAt, open ('1' or '0'), endedAt ('' while not ended).
 */
const SAVE = new LuaScript(`${FENCE}
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[3])
if ARGV[5] == '1' then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3]) else redis.call('ZREM', KEYS[3], ARGV[3]) end
if ARGV[6] ~= '' then redis.call('ZADD', KEYS[5], ARGV[6], ARGV[3]) else redis.call('ZREM', KEYS[5], ARGV[3]) end
return 1`);

/** KEYS: epoch, record. ARGV: fence, the record as read, the claimed record. 1 if it was still as read. */
const CLAIM = new LuaScript(`${FENCE}
if redis.call('GET', KEYS[2]) ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
return 1`);

/**
 * The next sequence number, the idempotency by client id and the append, in one step: two nodes
 * never give out the same number, and a resend (on any node) finds the stored message.
 * KEYS: messages list, client ids hash. ARGV: client id, the message's JSON after its opening brace.
 */
const APPEND = new LuaScript(`local seq = redis.call('HGET', KEYS[2], ARGV[1])
if seq then return {1, redis.call('LINDEX', KEYS[1], tonumber(seq) - 1)} end
local next = redis.call('LLEN', KEYS[1]) + 1
local json = '{"seq":' .. next .. ',' .. ARGV[2]
redis.call('RPUSH', KEYS[1], json)
redis.call('HSET', KEYS[2], ARGV[1], next)
return {0, json}`);

type Stored = Omit<ConversationRecord, 'lastSeq'>;

function withoutSeq({ lastSeq: _owned, ...record }: ConversationRecord): Stored {
  return record;
}

export function redisConversations(client: RedisClient, keys: RedisKeys, fence: () => string | null): ConversationStore {
  const read = async (id: string): Promise<{ json: string; record: ConversationRecord } | undefined> => {
    const [json, length] = (await client.multi().get(keys.conversation(id)).lLen(keys.messages(id)).exec()) as unknown as [string | null, number];
    return json === null ? undefined : { json, record: { ...(JSON.parse(json) as Stored), lastSeq: Number(length) } };
  };
  return {
    async save(record) {
      await SAVE.run(
        client,
        [keys.routingEpoch, keys.conversation(record.id), keys.open, keys.visitor(record.visitorId), keys.ended(record.room)],
        [
          fence() ?? '',
          JSON.stringify(withoutSeq(record)),
          record.id,
          record.createdAt,
          record.status === 'ended' ? '0' : '1',
          record.status === 'ended' ? String(record.endedAt ?? record.createdAt) : '',
        ],
      );
    },
    async claim(id, agent, at) {
      // Compare and set: a claim that lost the race reads the record again and finds it taken.
      for (;;) {
        const current = await read(id);
        if (current?.record.status !== 'waiting') return null;
        const claimed: ConversationRecord = {
          ...current.record,
          status: 'active',
          agentId: agent.id,
          agentName: agent.name,
          servedFrom: agent.client,
          acceptedAt: at,
        };
        const won = await CLAIM.run<number>(
          client,
          [keys.routingEpoch, keys.conversation(id)],
          [fence() ?? '', current.json, JSON.stringify(withoutSeq(claimed))],
        );
        if (won === 1) return claimed;
      }
    },
    get: async (id) => (await read(id))?.record,
    async find(query) {
      const ids = (await client.sendCommand(['ZRANGE', 'open' in query ? keys.open : keys.visitor(query.visitorId), '0', '-1'])) as string[];
      const found: ConversationRecord[] = [];
      // In slices, so that a long list does not hold Redis (or this node) for long.
      for (let start = 0; start < ids.length; start += 500) {
        const records = await Promise.all(ids.slice(start, start + 500).map(read));
        for (const entry of records) {
          if (!entry) continue;
          const { record } = entry;
          if ('open' in query ? record.status !== 'ended' : record.room === query.room) found.push(record);
        }
      }
      return found.sort((a, b) => a.createdAt - b.createdAt);
    },
    async endedBetween(room, from, to) {
      const ids = (await client.sendCommand(['ZRANGEBYSCORE', keys.ended(room), String(from), `(${to}`])) as string[];
      const found: ConversationRecord[] = [];
      for (let start = 0; start < ids.length; start += 500) {
        for (const entry of await Promise.all(ids.slice(start, start + 500).map(read))) if (entry?.record.status === 'ended') found.push(entry.record);
      }
      return found;
    },
  };
}

export function redisMessages(client: RedisClient, keys: RedisKeys): MessageStore {
  return {
    async append(conversationId, message) {
      const [duplicate, json] = await APPEND.run<[number, string]>(
        client,
        [keys.messages(conversationId), keys.clientIds(conversationId)],
        [message.clientId, JSON.stringify(message).slice(1)],
      );
      return { message: JSON.parse(json) as ChatMessage, duplicate: duplicate === 1, json };
    },
    async after(conversationId, afterSeq, limit) {
      if (limit <= 0) return [];
      const lines = (await client.sendCommand(['LRANGE', keys.messages(conversationId), String(afterSeq), String(afterSeq + limit - 1)])) as string[];
      return lines.map((line) => JSON.parse(line) as ChatMessage);
    },
  };
}
