import type { AgentPreferences, FileStore, PreferenceStore, SessionRecord, SessionStore, StoredFile } from '../store.js';
import { AS_BUFFER, type RedisClient } from './redis-client.js';
import type { RedisKeys } from './redis-keys.js';

/**
 * Sessions are keys that expire at the session's `expiresAt` (PXAT, on Redis's clock: keep the
 * nodes' clocks synchronised, as for any TLS or token expiry). Redis forgets them by itself, so
 * there is nothing to sweep, and a renewal is a save with a later expiry.
 */
export function redisSessions(client: RedisClient, keys: RedisKeys): SessionStore {
  return {
    async save(session) {
      await client.sendCommand(['SET', keys.session(session.tokenHash), JSON.stringify(session), 'PXAT', String(Math.max(1, session.expiresAt))]);
    },
    async get(tokenHash) {
      const json = (await client.sendCommand(['GET', keys.session(tokenHash)])) as string | null;
      return json === null ? undefined : (JSON.parse(json) as SessionRecord);
    },
    async remove(tokenHash) {
      await client.sendCommand(['DEL', keys.session(tokenHash)]);
    },
    removeExpired: async () => 0,
  };
}

/**
 * Files live in Redis, beside their description: every node serves every file without a shared
 * folder to mount and back up apart, and a file is as durable as the message that links it.
 * Their size is capped by the rooms' attachment limit (at most 25 MiB; see docs/scale-out.md for
 * what that costs in Redis memory).
 */
export function redisFiles(client: RedisClient, keys: RedisKeys): FileStore {
  return {
    // Files live in Redis: an upload comes in memory, to be sent on whole.
    spool: null,
    async put(file, bytes) {
      // Bytes first: a description never points to bytes that are not there.
      await client.sendCommand(['SET', keys.fileBytes(file.id), bytes]);
      await client.sendCommand(['SET', keys.file(file.id), JSON.stringify(file)]);
    },
    async get(id) {
      const json = (await client.sendCommand(['GET', keys.file(id)])) as string | null;
      if (json === null) return undefined;
      const bytes = (await client.sendCommand(['GET', keys.fileBytes(id)], AS_BUFFER)) as Buffer | null;
      return bytes ? { file: JSON.parse(json) as StoredFile, bytes } : undefined;
    },
  };
}

export function redisPreferences(client: RedisClient, keys: RedisKeys): PreferenceStore {
  return {
    async get(agentId) {
      const json = (await client.sendCommand(['HGET', keys.preferences, agentId])) as string | null;
      return json === null ? undefined : (JSON.parse(json) as AgentPreferences);
    },
    async save(agentId, preferences) {
      await client.sendCommand(['HSET', keys.preferences, agentId, JSON.stringify(preferences)]);
    },
  };
}
