import { ErrorCode, Limits, type SupervisorView } from '@parley/shared';
import type { Directory, RoomEntry } from '../config/directory.js';
import type { Clock } from '../core/clock.js';
import { Refusal } from '../core/refusal.js';
import type { Email } from '../email/create-email.js';
import type { Hub } from '../hub/create-hub.js';
import type { OwnerApi } from './owner-api.js';

function entryOrRefuse(directory: Directory, roomName: string): RoomEntry {
  const entry = directory.entry(roomName);
  if (!entry) throw new Refusal(ErrorCode.ROOM_UNAVAILABLE, 'This room no longer exists.');
  return entry;
}

/**
 * The owner's answers in the process that holds the hub and email: each call goes straight to
 * them. On one node this is all there is; in a cluster, the routing owner serves other nodes'
 * calls with it too.
 */
export function localOwner(hub: Hub, email: Email, directory: Directory, clock: Clock): OwnerApi {
  return {
    async visitorHello(visitorId, roomName, greet) {
      const room = entryOrRefuse(directory, roomName).room.name;
      hub.presence.visitorConnected(visitorId);
      const open = hub.lifecycle.openFor(visitorId, room);
      greet({ conversation: open ? hub.lifecycle.visitorView(open) : null, position: open ? hub.queues.positionOf(open.id) : null });
    },
    async visitorGone(visitorId) {
      hub.presence.visitorDisconnected(visitorId);
    },
    async hasOpen(visitorId, roomName) {
      return hub.lifecycle.openFor(visitorId, entryOrRefuse(directory, roomName).room.name) !== undefined;
    },
    async start({ visitorId, roomName, form, context, origin }) {
      return hub.lifecycle.start({ visitorId, entry: entryOrRefuse(directory, roomName), form, context, origin });
    },
    askAll: (visitorId, conversationId) => hub.lifecycle.askAll(visitorId, conversationId),
    keepWaiting: (visitorId, conversationId) => hub.lifecycle.keepWaiting(visitorId, conversationId),
    // The hub's own promise, untouched: a message goes to the store in the turn it arrived.
    send: (party, frame, origin) => hub.messaging.send(party, frame, origin),
    async typing(party, frame) {
      hub.messaging.typing(party, frame);
    },
    history: (party, conversationId, afterSeq) => hub.messaging.history(party, conversationId, afterSeq),
    end: (party, conversationId) => hub.lifecycle.end(party, conversationId),
    readable: (party, conversationId) => hub.messaging.readable(party, conversationId),
    writable: (party, conversationId) => hub.messaging.writable(party, conversationId),
    sendFile: (party, conversationId, clientId, file) => hub.messaging.sendFile(party, conversationId, clientId, file),

    async agentHello(agentId, client, status, greet) {
      hub.presence.agentConnected(agentId, client, status, greet);
    },
    async agentGone(agentId, client) {
      hub.presence.agentDisconnected(agentId, client);
    },
    async setStatus(agentId, client, status) {
      hub.presence.setStatus(agentId, client, status);
    },
    async accept(agentId, client, conversationId) {
      await hub.lifecycle.accept(agentId, client, conversationId);
    },
    pastConversations: (agentId, conversationId) => hub.past.list(agentId, conversationId),
    note: (agentId, frame) => hub.notes.add(agentId, frame),
    lead: (agentId, conversationId, to) => hub.leads.choose(agentId, conversationId, to, (record, address) => email.leads.send(record, address)),
    disposition: (agentId, conversationId, code, note) => hub.lifecycle.dispositions.give(agentId, conversationId, code, note ?? undefined),
    transfer: (agentId, conversationId, to, note) => hub.transfers.transfer(agentId, conversationId, to, note ?? undefined),
    async signOutSockets(agentId, sockets) {
      hub.presence.signOutSockets(agentId, sockets);
    },

    emailTranscript: (requester, frame) => email.transcripts.request(requester, frame),
    async leaveMessage({ requester, roomName, pageUrl, frame }) {
      const entry = entryOrRefuse(directory, roomName);
      const answer = await email.messages.leave({ requester, entry, pageUrl, frame });
      // Offered instead of waiting on: the message replaces the chat that waited too long (in the
      // room the entry leads to: an agent's private room is a way into one of their rooms).
      if (answer.type === 'emailQueued') await hub.lifecycle.messageLeft(requester.visitorId, entry.room.name);
      return answer;
    },
    emailAlert: (requester, frame) => email.alerts.request(requester, frame),

    async supervisor(room) {
      const now = clock.now();
      const queue = hub.queues.forAgents(room, Limits.queueListed * 4);
      const view: SupervisorView = {
        room,
        waiting: queue.entries.map(({ conversationId, visitorName, waitingSince }) => ({ conversationId, visitorName, waitingSince })),
        agents: directory
          .agents()
          .filter((agent) => agent.rooms.includes(room))
          .map((agent) => ({ id: agent.id, name: agent.name, ...hub.presence.statusesOf(agent.id) })),
        today: hub.figures.today(room, now),
        breaches: hub.lifecycle.clocks.breaches(room, now),
        quietAgents: hub.lifecycle.timers.quietAgents(room, now),
        now,
      };
      return view;
    },
    async whyRoomIsBusy(room) {
      return hub.settings.whyRoomIsBusy(room);
    },
  };
}
