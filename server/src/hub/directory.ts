import type { AgentConfig } from '../config/agent-config.js';
import { defaultPrivateRoom } from '../config/agent-config.js';
import type { ConfigFile } from '../config/config-file.js';
import type { RoomConfig } from '../config/room-config.js';

export type AgentEntry = Omit<AgentConfig, 'privateRoom' | 'password'> & { privateRoom: string };

/** Where a visitor's room name leads: a public room, or an agent's private room. */
export type RoomEntry = { room: RoomConfig; privateFor: string | null };

/**
 * The configured rooms and agents, looked up by name. Read-only after start-up. Agent ids are
 * matched without regard to case, as email addresses are in practice.
 */
export class Directory {
  private readonly roomsByName = new Map<string, RoomConfig>();
  private readonly agentsById = new Map<string, AgentEntry>();
  private readonly privateRooms = new Map<string, AgentEntry>();

  constructor(file: ConfigFile) {
    for (const room of file.rooms) this.roomsByName.set(room.name, room);
    for (const { password: _never, ...agent } of file.agents) {
      const entry: AgentEntry = { ...agent, privateRoom: agent.privateRoom ?? defaultPrivateRoom(agent.id) };
      this.agentsById.set(agent.id.toLowerCase(), entry);
      this.privateRooms.set(entry.privateRoom, entry);
    }
  }

  room(name: string): RoomConfig | undefined {
    return this.roomsByName.get(name);
  }

  rooms(): RoomConfig[] {
    return [...this.roomsByName.values()];
  }

  agent(id: string): AgentEntry | undefined {
    return this.agentsById.get(id.toLowerCase());
  }

  agents(): AgentEntry[] {
    return [...this.agentsById.values()];
  }

  /**
   * A private room shares every setting with the agent's first room (seed 002: "Public Chat Room
   * shares all the settings with Private Chat Room") and its conversations count there.
   */
  entry(name: string): RoomEntry | undefined {
    const room = this.roomsByName.get(name);
    if (room) return { room, privateFor: null };
    const owner = this.privateRooms.get(name);
    const home = owner && this.roomsByName.get(owner.rooms[0]!);
    return owner && home ? { room: home, privateFor: owner.id } : undefined;
  }
}
