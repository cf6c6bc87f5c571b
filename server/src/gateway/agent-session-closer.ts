import { type ClientKind, CloseCode } from '@parley/shared';
import type { OwnerApi } from '../owner/owner-api.js';
import type { ConnectionRegistry } from './registry.js';

/**
 * What signing out one session does to its sockets in this process: they are counted out at once
 * (a client with none left goes off duty without a grace period, and the chats go back to the
 * queue only if the agent has no client left), then each closes with SIGNED_OUT (the console shows
 * the sign-in form). The agent's other sessions keep their sockets, status and chats. In a
 * cluster every node does this for its own sockets.
 */
export async function closeAgentSession(owner: OwnerApi, registry: ConnectionRegistry, agentId: string, sessionHash: string): Promise<void> {
  const sockets = registry.agentSession(agentId, sessionHash);
  if (sockets.length === 0) return;
  const counts: Partial<Record<ClientKind, number>> = {};
  for (const [connection, client] of sockets) {
    counts[client] = (counts[client] ?? 0) + 1;
    // Forgotten here, so that its closing below is not also counted as a disconnect.
    registry.removeAgent(agentId, connection);
  }
  try {
    await owner.signOutSockets(agentId, counts);
  } finally {
    for (const [connection] of sockets) connection.close(CloseCode.SIGNED_OUT, 'signed out');
  }
}
