import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-client.js';

/** Scripts each connection has been sent whole since it last connected. */
const known = new WeakMap<RedisClient, Set<string>>();

function scriptsKnownTo(client: RedisClient): Set<string> {
  let scripts = known.get(client);
  if (!scripts) {
    const fresh = new Set<string>();
    // A reconnect may be to a Redis that restarted and forgot every script. First in line, so
    // that no other listener can send a script into the new connection before this forgets.
    client.prependListener('ready', () => fresh.clear());
    known.set(client, fresh);
    scripts = fresh;
  }
  return scripts;
}

/**
 * A Lua script, run atomically: nothing else happens in Redis between its first command and its
 * last. It is sent whole (EVAL) the first time on each connection (after every reconnect too) and
 * by its SHA-1 (EVALSHA) after that. The choice is made when the command is sent, not after Redis
 * answers "NOSCRIPT": Redis runs one connection's commands in the order they were sent, so the
 * EVALSHAs after the first EVAL find the script, and calls keep their order. (Retrying each
 * refused EVALSHA as an EVAL did not: a message whose retry went out after a later message's
 * EVALSHA was stored after it.)
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run<T>(client: RedisClient, keys: readonly string[], args: readonly (string | number)[]): Promise<T> {
    const tail = [String(keys.length), ...keys, ...args.map(String)];
    const scripts = scriptsKnownTo(client);
    if (!scripts.has(this.sha)) {
      scripts.add(this.sha);
      return (await client.sendCommand(['EVAL', this.source, ...tail])) as T;
    }
    try {
      return (await client.sendCommand(['EVALSHA', this.sha, ...tail])) as T;
    } catch (error) {
      // Only if someone ran SCRIPT FLUSH on a live connection.
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return (await client.sendCommand(['EVAL', this.source, ...tail])) as T;
    }
  }
}
