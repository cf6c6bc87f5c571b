import type { AgentServerFrame, ClientKind, VisitorServerFrame } from '@parley/shared';
import type { ConnectionRef } from '../owner/owner-api.js';

/** Which of an agent's connections to close: those of one sign-in, or those on some clients. */
export type AgentConnections = { sessionHash: string } | { clients: readonly ClientKind[] };

/**
 * Frames to people wherever their connections are: on one node, this process's sockets (the
 * registry); on several, every node's (cluster/ publishes them). `skip` is the connection a request
 * came from when it already has its answer.
 */
export interface Fanout {
  toVisitor(visitorId: string, frame: VisitorServerFrame, skip?: ConnectionRef, json?: string): void;
  toAgent(agentId: string, frame: AgentServerFrame, skip?: ConnectionRef, json?: string): void;
  /**
   * The same already-serialised JSON to many agents (a room's queue view): serialised once, and on
   * several nodes sent once to each node, not once per agent.
   */
  toAgentsRaw(agentIds: readonly string[], json: string): void;
  /** Closes some of an agent's connections with SIGNED_OUT (the console shows the sign-in form). */
  closeAgent(agentId: string, which: AgentConnections): void;
}
