import { randomBytes, scryptSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The rooms-and-agents file for a benchmark run, written to the run's temporary folder. The
 * password is random per run and never written anywhere but this process's memory and the load
 * generator's; the file holds only its scrypt hash, made with a low cost (N=1024) so that 1,000
 * sign-ins do not dominate the runs. Nothing here touches the demo configuration.
 */

export const BENCH_ROOM = 'BENCH';

export type BenchAgents = {
  password: string;
  /** Agent ids in order; agent i's private room is `privateRooms[i]`. */
  ids: string[];
  privateRooms: string[];
  statsKey: string;
};

export const agentId = (index: number) => `bench-${String(index).padStart(4, '0')}@bench.parley`;
const privateRoomOf = (index: number) => `AGENT-BENCH-${String(index).padStart(4, '0')}`;

/** A hash in Parley's `scrypt$N$r$p$salt$hash` format at a benchmark-friendly cost. */
function cheapHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Writes `parley.config.json` with one quickest-reply room and `count` agents. Each agent may hold
 * `capacity` chats, so that 1,000 agents can take 10,000 visitors without ending chats; the room
 * is force-ready, so agents stay ready until they are full, as a contact centre whose
 * agents handle several chats at once would set it. Offers do not time out during a run.
 */
export function writeParleyConfig(folder: string, count: number, capacity: number): { path: string; agents: BenchAgents } {
  const password = randomBytes(18).toString('base64url');
  const passwordHash = cheapHash(password);
  const statsKey = randomBytes(18).toString('base64url');
  const ids = Array.from({ length: count }, (_, i) => agentId(i));
  const file = {
    rooms: [{ name: BENCH_ROOM, label: 'Benchmark', statsKey, offerTimeoutSeconds: 600, forceReady: true }],
    agents: ids.map((id, i) => ({ id, name: `Bench Agent ${i}`, passwordHash, rooms: [BENCH_ROOM], capacity })),
  };
  const path = join(folder, 'parley.config.json');
  writeFileSync(path, JSON.stringify(file));
  return { path, agents: { password, ids, privateRooms: ids.map((_, i) => privateRoomOf(i)), statsKey } };
}
