import { z } from 'zod';
import { AdminConfig } from './admin-config.js';
import { AgentConfig, defaultPrivateRoom } from './agent-config.js';
import { checkEmailSettings, PublicProfile } from './email-config.js';
import { RoomConfig } from './room-config.js';

/** The rooms-and-agents file named by `PARLEY_CONFIG` (JSON). */
export const ConfigFile = z
  .strictObject({
    /** Lets editors validate and complete the file; ignored by Parley. */
    $schema: z.string().optional(),
    rooms: z.array(RoomConfig).min(1, 'must list at least one room'),
    agents: z.array(AgentConfig).default([]),
    /** People who may use the admin console. Without any, the first start prints a one-time setup link. */
    admins: z.array(AdminConfig).default([]),
    /** The public profile: the company name and contact email emails are sent under, unless a room sets its own. */
    publicProfile: PublicProfile.optional(),
  })
  .superRefine((file, ctx) => {
    checkEmailSettings(file, ctx);
    const roomNames = new Set<string>();
    file.rooms.forEach((room, index) => {
      if (roomNames.has(room.name)) ctx.addIssue({ code: 'custom', path: ['rooms', index, 'name'], message: `room ${room.name} is listed twice` });
      roomNames.add(room.name);
    });
    const agentIds = new Set<string>();
    const privateRooms = new Map<string, string>();
    file.agents.forEach((agent, index) => {
      const id = agent.id.toLowerCase();
      if (agentIds.has(id)) ctx.addIssue({ code: 'custom', path: ['agents', index, 'id'], message: `agent ${agent.id} is listed twice` });
      agentIds.add(id);
      agent.rooms.forEach((room, roomIndex) => {
        if (!roomNames.has(room)) ctx.addIssue({ code: 'custom', path: ['agents', index, 'rooms', roomIndex], message: `no room is named ${room}` });
      });
      const privateRoom = agent.privateRoom ?? defaultPrivateRoom(agent.id);
      const clash = roomNames.has(privateRoom) ? `room ${privateRoom}` : privateRooms.get(privateRoom);
      if (clash) {
        ctx.addIssue({
          code: 'custom',
          path: ['agents', index, 'privateRoom'],
          message: `private room ${privateRoom} has the same name as ${clash}; set privateRoom to another name`,
        });
      }
      privateRooms.set(privateRoom, `the private room of ${agent.id}`);
    });
    const adminIds = new Set<string>();
    file.admins.forEach((admin, index) => {
      const id = admin.id.toLowerCase();
      if (adminIds.has(id)) ctx.addIssue({ code: 'custom', path: ['admins', index, 'id'], message: `admin ${admin.id} is listed twice` });
      adminIds.add(id);
    });
  });
export type ConfigFile = z.infer<typeof ConfigFile>;
