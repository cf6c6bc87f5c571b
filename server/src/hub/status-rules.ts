import type { AgentStatus, ClientKind, EndedBy } from '@parley/shared';
import type { RoomConfig } from '@parley/shared/settings';
import type { AgentState } from './agent-state.js';

/*
 * Where a client's status goes as chats start and end. By default an agent
 * who takes a chat goes not-ready until they say ready again; in a force-ready room they stay
 * ready while they have capacity left, and go ready again by themselves when a chat ends.
 */

export function statusAfterAccept(room: RoomConfig, agent: AgentState): AgentStatus {
  return room.forceReady && agent.hasCapacityLeft() ? 'WAITING_NEW_CALL' : 'SERVING_CUSTOMER';
}

export function statusAfterEnd(room: RoomConfig, agent: AgentState, client: ClientKind, current: AgentStatus, endedBy: EndedBy): AgentStatus {
  // A break the agent chose while finishing a chat stands.
  if (current === 'TAKING_BREAK') return current;
  // Ready before (said so while serving, or force ready): still ready, with one more free slot.
  if (room.forceReady || current === 'WAITING_NEW_CALL') return 'WAITING_NEW_CALL';
  if (agent.activeOn(client) > 0) return 'SERVING_CUSTOMER';
  return endedBy === 'visitor' ? 'REMOTE_CUSTOMER_HANGUP' : 'HANG_UP';
}

/** A client signing in: the status it asked for, as far as capacity allows. */
export function statusOnSignIn(agent: AgentState, client: ClientKind, wanted: AgentStatus | undefined): AgentStatus {
  if (wanted === 'WAITING_NEW_CALL') return agent.hasCapacityLeft() ? wanted : 'SERVING_CUSTOMER';
  // Serving what? Its chats ended meanwhile (a restart): not ready until the agent says so.
  if (wanted === 'SERVING_CUSTOMER') return agent.activeOn(client) > 0 ? wanted : 'TAKING_BREAK';
  if (wanted) return wanted;
  return agent.activeOn(client) > 0 ? 'SERVING_CUSTOMER' : 'TAKING_BREAK';
}

/**
 * A room's settings changed under a serving agent: in a force-ready room, one who has room for
 * another chat now (its capacity grew) is ready again by themselves, as after a chat ends.
 */
export function statusAfterSettingsChange(room: RoomConfig, agent: AgentState, current: AgentStatus): AgentStatus {
  return current === 'SERVING_CUSTOMER' && room.forceReady && agent.hasCapacityLeft() ? 'WAITING_NEW_CALL' : current;
}
