import type { ConsoleState } from './console-state.js';

export type RoomLoad = { room: string; label: string; held: number; limit: number };

/**
 * How many chats the agent holds against their capacity, as the server counts it: the agent's own
 * capacity across rooms when set, otherwise each room's `capacityPerAgent` (full when every room is).
 */
export type Capacity = { held: number; full: boolean; own: number | null; rooms: RoomLoad[] };

export function capacityOf(state: ConsoleState): Capacity {
  const open = state.chats.filter((c) => c.conversation.status !== 'ended' && !c.detached);
  const own = state.agent?.capacity ?? null;
  const rooms = state.rooms.map((room) => ({
    room: room.name,
    label: room.label,
    held: open.filter((c) => c.conversation.room === room.name).length,
    limit: room.capacityPerAgent,
  }));
  const full = own !== null ? open.length >= own : rooms.length > 0 && rooms.every((r) => r.held >= r.limit);
  return { held: open.length, full, own, rooms };
}
