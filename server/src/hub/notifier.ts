import type { AgentServerFrame, ClientStatuses, VisitorServerFrame } from '@parley/shared';

/**
 * How the hub reaches people, without knowing about sockets. `skip` names the connection a request
 * came from (the gateway's reference for it), when that connection already has its answer (an ack
 * instead of its own message). `json`, when given, is `frame` already serialised (a message's text
 * is serialised once, by the store).
 */
export interface Notifier {
  /** Every open page of this visitor. */
  toVisitor(visitorId: string, frame: VisitorServerFrame, skip?: string, json?: string): void;
  /** Every connection of this agent, browser and mobile. */
  toAgent(agentId: string, frame: AgentServerFrame, skip?: string, json?: string): void;
  /** The room's queue changed: waiting visitors' positions and agents' queue views need refreshing. */
  queueChanged(room: string): void;
  /** The number of the room's agents ready for a new chat changed (availability rules read it). */
  readyAgentsChanged(room: string): void;
  /** An agent's statuses changed (statistics on other nodes are kept from this). */
  statusesChanged(agentId: string, statuses: ClientStatuses): void;
}
