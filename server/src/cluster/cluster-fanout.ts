import type { AgentServerFrame, VisitorServerFrame } from '@parley/shared';
import type { Logger } from 'pino';
import type { AgentConnections, Fanout } from '../gateway/fanout.js';
import type { ConnectionRegistry } from '../gateway/registry.js';
import { type BusNews, encodeAgentsFrame, encodeFrame, encodeNews } from './bus-message.js';
import type { NodeBus } from './node-bus.js';
import type { PeoplesNodes } from './peoples-nodes.js';

/**
 * Frames to people on every node: this node's sockets at once (so the owner's own connections hear
 * things in exactly the order the hub says them, as on one node), every other node's through the
 * bus. A frame is serialised once, here.
 */
export class ClusterFanout implements Fanout {
  private publishFailures = 0;
  /** While this node routes: where each person is connected, so that frames go only there. */
  peoples: PeoplesNodes | null = null;

  constructor(
    private readonly node: string,
    private readonly registry: ConnectionRegistry,
    private readonly bus: NodeBus,
    private readonly log: Logger,
  ) {}

  toVisitor(visitorId: string, frame: VisitorServerFrame, skip?: string, json?: string): void {
    const text = json ?? JSON.stringify(frame);
    this.registry.toVisitor(visitorId, frame, skip, text);
    this.send('visitor', visitorId, skip, text);
  }

  toAgent(agentId: string, frame: AgentServerFrame, skip?: string, json?: string): void {
    const text = json ?? JSON.stringify(frame);
    this.registry.toAgent(agentId, frame, skip, text);
    this.send('agent', agentId, skip, text);
  }

  toAgentsRaw(agentIds: readonly string[], json: string): void {
    this.registry.toAgentsRaw(agentIds, json);
    // One message per node that has any of them (a room's queue view to a thousand agents was a
    // thousand copies of 12 KB through Redis, four times a second in a burst).
    const byNode = new Map<string, string[]>();
    for (const agentId of agentIds) {
      const nodes = this.peoples?.nodesOf('agent', agentId);
      // Someone not known to be anywhere: every node gets the whole list and sends to whom it has.
      if (!nodes) return this.publish(encodeAgentsFrame(this.node, agentIds, json));
      for (const node of nodes.keys()) {
        if (node === this.node) continue;
        const ids = byNode.get(node);
        if (ids) ids.push(agentId);
        else byNode.set(node, [agentId]);
      }
    }
    for (const [node, ids] of byNode) this.publish(encodeAgentsFrame(this.node, ids, json), node);
  }

  closeAgent(agentId: string, which: AgentConnections): void {
    this.registry.closeAgent(agentId, which);
    this.news({ k: 'close', agent: agentId, which });
  }

  /** Tells every other node. */
  news(news: BusNews): void {
    this.publish(encodeNews(this.node, news));
  }

  /** To the nodes where the person is connected when the owner knows them, else to every node. */
  private send(kind: 'visitor' | 'agent', id: string, skip: string | undefined, json: string): void {
    const nodes = this.peoples?.nodesOf(kind, id);
    if (!nodes) return this.publish(encodeFrame(kind, this.node, id, skip, json));
    for (const node of nodes.keys()) if (node !== this.node) this.publish(encodeFrame(kind, this.node, id, skip, json), node);
  }

  private publish(message: string, node?: string): void {
    (node === undefined ? this.bus.toAll(message) : this.bus.toNode(node, message)).then(
      () => {
        this.publishFailures = 0;
      },
      (error: unknown) => {
        // Redis is away: the nodes rebuild from the store when it is back. Said once per outage.
        if (this.publishFailures++ === 0) this.log.warn({ err: error }, 'cluster: could not reach the other nodes');
      },
    );
  }
}
