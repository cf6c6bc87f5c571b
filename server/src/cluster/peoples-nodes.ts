import type { OwnerApi } from '../owner/owner-api.js';

type Kind = 'visitor' | 'agent';

/**
 * On the routing owner: which other nodes each visitor and agent is connected to, learned from
 * their hellos and goodbyes (the calls come from their node). Frames then go only to those nodes
 * instead of to all of them. Counts, because one person may have several tabs on one node. What it
 * does not know (a person whose hello it has not seen) goes to every node, as before.
 */
export class PeoplesNodes {
  private readonly people: Record<Kind, Map<string, Map<string, number>>> = { visitor: new Map(), agent: new Map() };

  connected(kind: Kind, id: string, node: string): void {
    let nodes = this.people[kind].get(id);
    if (!nodes) this.people[kind].set(id, (nodes = new Map()));
    nodes.set(node, (nodes.get(node) ?? 0) + 1);
  }

  /** `sockets` of this person's connections on `node` closed (one, unless a session's were signed out together). */
  disconnected(kind: Kind, id: string, node: string, sockets = 1): void {
    const nodes = this.people[kind].get(id);
    const count = nodes?.get(node);
    if (!nodes || count === undefined) return;
    if (count > sockets) nodes.set(node, count - sockets);
    else nodes.delete(node);
    if (nodes.size === 0) this.people[kind].delete(id);
  }

  /** The nodes this person is connected to, or undefined when the owner has not heard of them (then: every node). */
  nodesOf(kind: Kind, id: string): ReadonlyMap<string, number> | undefined {
    return this.people[kind].get(id);
  }
}

/** The owner's answers for this node's own clients, counting their hellos and goodbyes as this node's. */
export function countingPeople(owner: OwnerApi, peoples: PeoplesNodes, node: string): OwnerApi {
  return {
    ...owner,
    visitorHello: (visitorId, roomName, greet) =>
      owner.visitorHello(visitorId, roomName, (hello) => {
        peoples.connected('visitor', visitorId, node);
        greet(hello);
      }),
    agentHello: (agentId, client, status, greet) =>
      owner.agentHello(agentId, client, status, (welcome) => {
        peoples.connected('agent', agentId, node);
        greet(welcome);
      }),
    visitorGone(visitorId) {
      peoples.disconnected('visitor', visitorId, node);
      return owner.visitorGone(visitorId);
    },
    agentGone(agentId, client) {
      peoples.disconnected('agent', agentId, node);
      return owner.agentGone(agentId, client);
    },
    signOutSockets(agentId, sockets) {
      peoples.disconnected('agent', agentId, node, socketCount(sockets));
      return owner.signOutSockets(agentId, sockets);
    },
  };
}

/** How many sockets a sign-out counts out, over its clients. */
export function socketCount(sockets: Partial<Record<string, number>>): number {
  return Object.values(sockets).reduce<number>((sum, count) => sum + (count ?? 0), 0);
}
