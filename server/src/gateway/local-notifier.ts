import type { Notifier } from '../hub/notifier.js';
import type { Fanout } from './fanout.js';
import type { RoomSignals } from './room-signals.js';

/**
 * The hub's notifier: frames go out through the fanout (this process's sockets on one node, every
 * node's in a cluster), room news to this process's subscribers.
 */
export function localNotifier(fanout: Fanout, signals: RoomSignals): Notifier {
  return {
    toVisitor: (id, frame, skip, json) => fanout.toVisitor(id, frame, skip, json),
    toAgent: (id, frame, skip, json) => fanout.toAgent(id, frame, skip, json),
    queueChanged: (room) => signals.queueChanged(room),
    readyAgentsChanged: (room) => signals.readyAgentsChanged(room),
    statusesChanged: (agentId, statuses) => signals.statusesChanged(agentId, statuses),
  };
}
