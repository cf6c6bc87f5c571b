import { createFrameParser, VisitorClientFrame, type VisitorContext } from '@parley/shared';
import type { Logger } from 'pino';
import type { Clock } from '../hub/clock.js';
import type { Hub } from '../hub/create-hub.js';
import type { RoomEntry } from '../hub/directory.js';
import type { Connection, SocketEndpoint } from '../transport/transport.js';
import type { AddressThrottle } from './address-throttle.js';
import { FramePipeline, type FrameHandlers, type PipelineState, type RateLimits } from './frame-pipeline.js';
import { isOriginAllowed } from './origin-policy.js';
import type { ConnectionRegistry } from './registry.js';
import type { Sessions } from './sessions.js';
import { errorResponse } from '../http/json-response.js';

type VisitorContextClaim = { entry: RoomEntry; userAgent: string };

type VisitorSession = PipelineState & {
  entry: RoomEntry;
  userAgent: string;
  visitorId: string | null;
  context: VisitorContext | undefined;
};

const parse = createFrameParser(VisitorClientFrame);

export type VisitorEndpointDeps = {
  hub: Hub;
  sessions: Sessions;
  registry: ConnectionRegistry;
  addresses: AddressThrottle;
  clock: Clock;
  limits: RateLimits;
  log: Logger;
};

/**
 * `/ws/visitor?room=NAME`: the widget's connection. The room and the page's origin are checked
 * before the upgrade; `hello` resumes or mints the visitor's session.
 */
export function createVisitorEndpoint(deps: VisitorEndpointDeps): SocketEndpoint<VisitorContextClaim> {
  const { hub, sessions, registry, clock, log } = deps;
  const byConnection = new Map<Connection, VisitorSession>();

  const ready = (session: VisitorSession): string => {
    if (!session.visitorId) throw new Error('handler ran before hello');
    return session.visitorId;
  };

  const handlers: FrameHandlers<VisitorSession, VisitorClientFrame> = {
    async hello(session, frame) {
      const { visitorId, token } = await sessions.visitor(frame.token);
      if (session.connection.closed) return;
      session.visitorId = visitorId;
      session.context = frame.context;
      registry.addVisitor(visitorId, session.connection);
      hub.presence.visitorConnected(visitorId);
      const room = session.entry.room;
      const open = hub.lifecycle.openFor(visitorId, room.name);
      session.connection.send(
        JSON.stringify({
          type: 'welcome',
          visitorId,
          token,
          room: { name: room.name, label: room.label, routing: room.routing },
          conversation: open ? hub.lifecycle.visitorView(open) : null,
        }),
      );
      const position = open ? hub.queues.positionOf(open.id) : null;
      if (open && position !== null) session.connection.send(JSON.stringify({ type: 'queue', conversationId: open.id, position }));
      session.phase = 'ready';
    },
    async start(session, frame) {
      const view = await hub.lifecycle.start({
        visitorId: ready(session),
        entry: session.entry,
        form: frame.form,
        context: { ...session.context, ...frame.context, ...(session.userAgent ? { userAgent: session.userAgent } : {}) },
        origin: session.connection,
      });
      session.connection.send(JSON.stringify({ type: 'conversation', conversation: view }));
    },
    async message(session, frame) {
      const ack = await hub.messaging.send({ kind: 'visitor', visitorId: ready(session) }, frame, session.connection);
      session.connection.send(JSON.stringify(ack));
    },
    typing(session, frame) {
      hub.messaging.typing({ kind: 'visitor', visitorId: ready(session) }, frame);
    },
    async sync(session, frame) {
      const history = await hub.messaging.history({ kind: 'visitor', visitorId: ready(session) }, frame.conversationId, frame.afterSeq);
      session.connection.send(JSON.stringify(history));
    },
    async askAll(session, frame) {
      const view = await hub.lifecycle.askAll(ready(session), frame.conversationId);
      session.connection.send(JSON.stringify({ type: 'conversation', conversation: view }));
    },
    async end(session, frame) {
      await hub.lifecycle.end({ kind: 'visitor', visitorId: ready(session) }, frame.conversationId);
    },
  };

  const pipeline = new FramePipeline<VisitorSession, VisitorClientFrame>({ parse, handlers, clock, limits: deps.limits, log });

  return {
    upgrade(request) {
      if (!deps.addresses.allow(request.remoteAddress, clock.now())) {
        return { accept: false, response: errorResponse(429, 'TOO_MANY_CONNECTIONS', 'Too many connections from your address; try again in a minute.') };
      }
      const name = request.query.get('room') ?? '';
      const entry = hub.directory.entry(name);
      if (!entry) return { accept: false, response: errorResponse(404, 'UNKNOWN_ROOM', `There is no room named "${name.slice(0, 40)}".`) };
      if (!isOriginAllowed(request.header('origin'), entry.room.whitelistedDomains)) {
        return { accept: false, response: errorResponse(403, 'ORIGIN_NOT_ALLOWED', 'This site may not host this chat.') };
      }
      return { accept: true, context: { entry, userAgent: (request.header('user-agent') ?? '').slice(0, 512) } };
    },
    open(connection, claim) {
      // Fields added to the pipeline's object rather than spread into a new one: V8 gives every
      // spread copy whose fields later change type (visitorId: null, then a string) a hidden class
      // of its own, about 500 bytes per idle visitor.
      const session: VisitorSession = Object.assign(pipeline.initialState(connection), { entry: claim.entry, userAgent: claim.userAgent, visitorId: null, context: undefined });
      byConnection.set(connection, session);
    },
    message(connection, text) {
      const session = byConnection.get(connection);
      if (session) pipeline.receive(session, text);
    },
    close(connection) {
      const session = byConnection.get(connection);
      if (!session) return;
      byConnection.delete(connection);
      pipeline.dispose(session);
      if (session.visitorId) {
        registry.removeVisitor(session.visitorId, connection);
        hub.presence.visitorDisconnected(session.visitorId);
      }
    },
  };
}
