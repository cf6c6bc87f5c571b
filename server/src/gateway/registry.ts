import type { AgentServerFrame, ClientKind, VisitorServerFrame } from '@parley/shared';
import type { Notifier } from '../hub/notifier.js';
import type { Connection } from '../transport/transport.js';

type AgentConnection = { client: ClientKind; sessionHash: string };

/**
 * Who is connected where: the hub's Notifier, backed by sockets. A frame is serialised once and
 * sent to every connection of the person, and not at all when nobody is there to receive it (the
 * sender's own connection is skipped, so a message's copy for the sender's other tabs usually is).
 */
export class ConnectionRegistry implements Pick<Notifier, 'toVisitor' | 'toAgent'> {
  private readonly visitors = new Map<string, Set<Connection>>();
  private readonly agents = new Map<string, Map<Connection, AgentConnection>>();

  addVisitor(visitorId: string, connection: Connection): void {
    let set = this.visitors.get(visitorId);
    if (!set) this.visitors.set(visitorId, (set = new Set()));
    set.add(connection);
  }

  removeVisitor(visitorId: string, connection: Connection): void {
    const set = this.visitors.get(visitorId);
    if (!set?.delete(connection)) return;
    if (set.size === 0) this.visitors.delete(visitorId);
  }

  addAgent(agentId: string, connection: Connection, info: AgentConnection): void {
    let map = this.agents.get(agentId);
    if (!map) this.agents.set(agentId, (map = new Map()));
    map.set(connection, info);
  }

  removeAgent(agentId: string, connection: Connection): void {
    const map = this.agents.get(agentId);
    if (!map?.delete(connection)) return;
    if (map.size === 0) this.agents.delete(agentId);
  }

  /** The connections opened with one agent session, with the client each declared. */
  agentSession(agentId: string, sessionHash: string): [Connection, ClientKind][] {
    return [...(this.agents.get(agentId) ?? [])].filter(([, info]) => info.sessionHash === sessionHash).map(([c, info]) => [c, info.client]);
  }

  connectedAgents(): IterableIterator<string> {
    return this.agents.keys();
  }

  toVisitor(visitorId: string, frame: VisitorServerFrame, skip?: unknown, json?: string): void {
    const set = this.visitors.get(visitorId);
    if (set) sendAll(set, frame, skip, json);
  }

  toAgent(agentId: string, frame: AgentServerFrame, skip?: unknown, json?: string): void {
    const map = this.agents.get(agentId);
    if (map) sendAll(map.keys(), frame, skip, json);
  }

  /** Sends already-serialised JSON to an agent (a queue view shared by many agents is serialised once). */
  toAgentRaw(agentId: string, json: string): void {
    const map = this.agents.get(agentId);
    if (map) for (const connection of map.keys()) connection.send(json);
  }
}

/** Serialises `frame` on the first connection that gets it, and only then (unless it came serialised). */
function sendAll(connections: Iterable<Connection>, frame: object, skip?: unknown, serialised?: string): void {
  let json: string | null = serialised ?? null;
  for (const connection of connections) {
    if (connection !== skip) connection.send((json ??= JSON.stringify(frame)));
  }
}
