import { type AgentServerFrame, type ClientKind, CloseCode, type VisitorServerFrame } from '@parley/shared';
import type { ConnectionRef } from '../owner/owner-api.js';
import type { Connection } from '../transport/transport.js';
import type { AgentConnections, Fanout } from './fanout.js';

type AgentConnection = { client: ClientKind; sessionHash: string };

/**
 * Who is connected to this process: frames for a person go to each of their connections here,
 * serialised once, and not at all when nobody is there to receive them (the sender's own
 * connection is skipped, so a message's copy for the sender's other tabs usually is).
 */
export class ConnectionRegistry implements Fanout {
  private readonly visitors = new Map<string, Set<Connection>>();
  private readonly agents = new Map<string, Map<Connection, AgentConnection>>();
  private readonly refs = new WeakMap<Connection, ConnectionRef>();
  private nextRef = 0;

  /** `node`: this process's name in the cluster, so that connection refs are unique across nodes. */
  constructor(private readonly node = 'local') {}

  /** The connection's name across the cluster (made the first time it is asked for). */
  refOf(connection: Connection): ConnectionRef {
    let ref = this.refs.get(connection);
    if (ref === undefined) this.refs.set(connection, (ref = `${this.node}/${++this.nextRef}`));
    return ref;
  }

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

  /** Forgets an agent's connection; false if it was not (or no longer) registered. */
  removeAgent(agentId: string, connection: Connection): boolean {
    const map = this.agents.get(agentId);
    if (!map?.delete(connection)) return false;
    if (map.size === 0) this.agents.delete(agentId);
    return true;
  }

  /** Every connection of an agent, with the client each declared. */
  agentConnections(agentId: string): [Connection, ClientKind][] {
    return [...(this.agents.get(agentId) ?? [])].map(([connection, info]) => [connection, info.client]);
  }

  /** The connections opened with one agent session, with the client each declared. */
  agentSession(agentId: string, sessionHash: string): [Connection, ClientKind][] {
    return [...(this.agents.get(agentId) ?? [])].filter(([, info]) => info.sessionHash === sessionHash).map(([c, info]) => [c, info.client]);
  }

  connectedAgents(): IterableIterator<string> {
    return this.agents.keys();
  }

  toVisitor(visitorId: string, frame: VisitorServerFrame, skip?: ConnectionRef, json?: string): void {
    const set = this.visitors.get(visitorId);
    if (set) this.sendAll(set, frame, skip, json);
  }

  toAgent(agentId: string, frame: AgentServerFrame, skip?: ConnectionRef, json?: string): void {
    const map = this.agents.get(agentId);
    if (map) this.sendAll(map.keys(), frame, skip, json);
  }

  toAgentsRaw(agentIds: readonly string[], json: string): void {
    for (const agentId of agentIds) {
      const map = this.agents.get(agentId);
      if (map) for (const connection of map.keys()) connection.send(json);
    }
  }

  /** Frames from another node, already serialised: to this visitor's connections here. */
  toVisitorJson(visitorId: string, json: string, skip?: ConnectionRef): void {
    const set = this.visitors.get(visitorId);
    if (set) this.sendAll(set, null, skip, json);
  }

  toAgentJson(agentId: string, json: string, skip?: ConnectionRef): void {
    const map = this.agents.get(agentId);
    if (map) this.sendAll(map.keys(), null, skip, json);
  }

  /**
   * Closes every connection that said hello (pages that only show a launcher keep theirs): after
   * another node took routing over, each says hello again to it.
   */
  closeGreeted(code: number, reason: string): void {
    for (const set of [...this.visitors.values()]) for (const connection of [...set]) connection.close(code, reason);
    for (const map of [...this.agents.values()]) for (const connection of [...map.keys()]) connection.close(code, reason);
  }

  closeAgent(agentId: string, which: AgentConnections): void {
    for (const [connection, info] of this.agents.get(agentId) ?? []) {
      if ('sessionHash' in which ? info.sessionHash === which.sessionHash : which.clients.includes(info.client)) {
        connection.close(CloseCode.SIGNED_OUT, 'signed out');
      }
    }
  }

  /** Serialises `frame` on the first connection that gets it, and only then (unless it came serialised). */
  private sendAll(connections: Iterable<Connection>, frame: object | null, skip: ConnectionRef | undefined, serialised?: string): void {
    let json: string | null = serialised ?? null;
    for (const connection of connections) {
      if (skip !== undefined && this.refs.get(connection) === skip) continue;
      connection.send((json ??= JSON.stringify(frame)));
    }
  }
}
