import { createFrameParser, VisitorClientFrame, type VisitorContext } from '@parley/shared';
import type { RoomEntry } from '../hub/directory.js';
import { errorResponse } from '../http/json-response.js';
import type { SocketEndpoint } from '../transport/transport.js';
import { FramePipeline, type FrameHandlers, type PipelineState } from './frame-pipeline.js';
import { isOriginAllowed } from './origin-policy.js';
import { sessionEndpoint, type GatewayDeps } from './session-endpoint.js';

type VisitorContextClaim = { entry: RoomEntry; userAgent: string };

type VisitorSession = PipelineState & {
  entry: RoomEntry;
  userAgent: string;
  visitorId: string | null;
  context: VisitorContext | undefined;
};

const parse = createFrameParser(VisitorClientFrame);

/**
 * `/ws/visitor?room=NAME`: the widget's connection. The room and the page's origin are checked
 * before the upgrade; `hello` resumes or mints the visitor's session.
 */
export function createVisitorEndpoint(deps: GatewayDeps): SocketEndpoint<VisitorContextClaim> {
  const { hub, sessions, registry, clock, log } = deps;

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

  return sessionEndpoint(deps, pipeline, {
    upgrade(request) {
      const name = request.query.get('room') ?? '';
      const entry = hub.directory.entry(name);
      if (!entry) return { accept: false, response: errorResponse(404, 'UNKNOWN_ROOM', `There is no room named "${name.slice(0, 40)}".`) };
      if (!isOriginAllowed(request.header('origin'), entry.room.whitelistedDomains)) {
        return { accept: false, response: errorResponse(403, 'ORIGIN_NOT_ALLOWED', 'This site may not host this chat.') };
      }
      return { accept: true, context: { entry, userAgent: (request.header('user-agent') ?? '').slice(0, 512) } };
    },
    session: (base, claim): VisitorSession => ({ ...base, entry: claim.entry, userAgent: claim.userAgent, visitorId: null, context: undefined }),
    closed(session) {
      if (!session.visitorId) return;
      registry.removeVisitor(session.visitorId, session.connection);
      hub.presence.visitorDisconnected(session.visitorId);
    },
  });
}
