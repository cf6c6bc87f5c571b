import type { AgentRoomsFrame } from '@parley/shared';
import type { AgentEntry, Directory } from './directory.js';

/** The settings of the agent's rooms that shape the console (labels, capacity, drafts, files). */
export function agentRoomsFrame(directory: Directory, agent: AgentEntry): AgentRoomsFrame {
  const rooms = [];
  for (const name of agent.rooms) {
    const room = directory.room(name);
    if (!room) continue;
    rooms.push({
      name: room.name,
      label: room.label,
      routing: room.routing,
      capacityPerAgent: room.capacityPerAgent,
      forceReady: room.forceReady,
      hideTypingPreview: room.hideTypingPreview,
      agentAttachments: room.agentAttachments,
      attachmentTypes: room.attachmentTypes,
      attachmentMaxBytes: room.attachmentMaxBytes,
      cannedReplies: room.cannedReplies,
      resultCodes: room.resultCodes,
      resultCodeRequired: room.resultCodeRequired,
      wrapUpSeconds: room.wrapUpSeconds,
      crmSelection: room.crmSelection ?? [],
      colleagues: directory
        .agents()
        .filter((other) => other.id !== agent.id && !other.disabled && other.rooms.includes(room.name))
        .map((other) => ({ id: other.id, name: other.name })),
    });
  }
  return { type: 'rooms', rooms, cannedReplies: agent.cannedReplies ?? [] };
}
