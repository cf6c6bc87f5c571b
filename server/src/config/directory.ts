import type { PublicProfile, RoomConfig, StoredAgent } from '@parley/shared/settings';
import { defaultPrivateRoom } from '@parley/shared/settings';

export type AgentEntry = Omit<StoredAgent, 'privateRoom' | 'password'> & { privateRoom: string };

/** Where a visitor's room name leads: a public room, or an agent's private room. */
export type RoomEntry = { room: RoomConfig; privateFor: string | null };

/** What the directory is made of: the configuration's rooms, agents and global public profile. */
export type DirectorySource = { rooms: readonly RoomConfig[]; agents: readonly StoredAgent[]; publicProfile?: PublicProfile | undefined };

/**
 * The configured rooms and agents, looked up by name. Everyone holds this one object; when the
 * settings change, `update` refills it in place, so a lookup always answers from the current
 * settings. Agent ids are matched without regard to case, as email addresses are in practice.
 */
export class Directory {
  private readonly roomsByName = new Map<string, RoomConfig>();
  private readonly agentsById = new Map<string, AgentEntry>();
  private readonly privateRooms = new Map<string, AgentEntry>();
  private profile: PublicProfile = {};

  constructor(source: DirectorySource) {
    this.update(source);
  }

  update(source: DirectorySource): void {
    this.roomsByName.clear();
    this.agentsById.clear();
    this.privateRooms.clear();
    for (const room of source.rooms) this.roomsByName.set(room.name, room);
    for (const { password: _never, ...agent } of source.agents) {
      const entry: AgentEntry = { ...agent, privateRoom: agent.privateRoom ?? defaultPrivateRoom(agent.id) };
      this.agentsById.set(agent.id.toLowerCase(), entry);
      this.privateRooms.set(entry.privateRoom, entry);
    }
    this.profile = source.publicProfile ?? {};
  }

  /** The global public profile (a room's own fields win over it). */
  publicProfile(): PublicProfile {
    return this.profile;
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
   * A private room shares every setting with the agent's first room ("Public Chat Room
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
