import type { LimitCount, LimitStore } from '../store.js';
import { LuaScript } from './lua-script.js';
import type { RedisClient } from './redis-client.js';
import type { RedisKeys } from './redis-keys.js';

/** KEYS: the counter. ARGV: now, forget after (ms), amount. Answers {count, lastAt}. */
const HIT = new LuaScript(`local count = redis.call('HINCRBY', KEYS[1], 'count', ARGV[3])
redis.call('HSET', KEYS[1], 'lastAt', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {count, tonumber(ARGV[1])}`);

/** Rate-limit counters in Redis: a hash per key that expires after its last hit. Every node counts on them. */
export function redisLimits(client: RedisClient, keys: RedisKeys): LimitStore {
  return {
    async hit(key, now, forgetMs, amount = 1) {
      const [count, lastAt] = await HIT.run<[number, number]>(client, [keys.counter(key)], [now, forgetMs, amount]);
      return { count, lastAt };
    },
    async read(list) {
      if (list.length === 0) return [];
      const multi = client.multi();
      for (const key of list) multi.hmGet(keys.counter(key), ['count', 'lastAt']);
      const replies = (await multi.exec()) as unknown as [string | null, string | null][];
      return replies.map(([count, lastAt]): LimitCount | null => (count === null ? null : { count: Number(count), lastAt: Number(lastAt) }));
    },
    async clear(key) {
      await client.sendCommand(['DEL', keys.counter(key)]);
    },
  };
}
