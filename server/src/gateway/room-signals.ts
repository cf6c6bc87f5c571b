import type { ClientStatuses } from '@parley/shared';
import type { Notifier } from '../hub/notifier.js';

type RoomListener = (room: string) => void;
type StatusListener = (agentId: string, statuses: ClientStatuses) => void;

/**
 * The hub's news that is not a frame (a queue changed, the number of ready agents changed, an
 * agent's statuses changed), handed to whoever subscribed: the queue and availability
 * broadcasters, email alerts, other nodes' copies of the figures. It exists before the hub, so the
 * notifier the hub is built with is whole from the start; the subscribers, which are built from
 * the hub, subscribe afterwards.
 */
export class RoomSignals implements Pick<Notifier, 'queueChanged' | 'readyAgentsChanged' | 'statusesChanged'> {
  private readonly statusListeners: StatusListener[] = [];
  private readonly queueListeners: RoomListener[] = [];
  private readonly readyListeners: RoomListener[] = [];

  onQueueChanged(listener: RoomListener): void {
    this.queueListeners.push(listener);
  }

  onReadyAgentsChanged(listener: RoomListener): void {
    this.readyListeners.push(listener);
  }

  queueChanged(room: string): void {
    for (const listener of this.queueListeners) listener(room);
  }

  readyAgentsChanged(room: string): void {
    for (const listener of this.readyListeners) listener(room);
  }

  onStatusesChanged(listener: StatusListener): void {
    this.statusListeners.push(listener);
  }

  statusesChanged(agentId: string, statuses: ClientStatuses): void {
    for (const listener of this.statusListeners) listener(agentId, statuses);
  }
}
