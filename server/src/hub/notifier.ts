import type { AgentServerFrame, VisitorServerFrame } from '@parley/shared';

/**
 * How the hub reaches people, without knowing about sockets. `skip` is the connection a request
 * came from, when that connection already has its answer (an ack instead of its own message).
 * `json`, when given, is `frame` already serialised (a message's text is serialised once, by the store).
 */
export interface Notifier {
  /** Every open page of this visitor. */
  toVisitor(visitorId: string, frame: VisitorServerFrame, skip?: unknown, json?: string): void;
  /** Every connection of this agent, browser and mobile. */
  toAgent(agentId: string, frame: AgentServerFrame, skip?: unknown, json?: string): void;
  /** The room's queue changed: waiting visitors' positions and agents' queue views need refreshing. */
  queueChanged(room: string): void;
  /** The number of the room's agents ready for a new chat changed (availability rules read it). */
  readyAgentsChanged(room: string): void;
}
