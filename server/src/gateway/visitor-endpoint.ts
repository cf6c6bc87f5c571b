import { checkSendMessage, createFrameParser, VisitorClientFrame, type VisitorContext } from '@parley/shared';
import type { Email } from '../email/create-email.js';
import type { RoomEntry } from '../hub/directory.js';
import { errorResponse } from '../http/json-response.js';
import type { SocketEndpoint } from '../transport/transport.js';
import { ackJson } from './ack-json.js';
import type { AvailabilityBroadcaster } from './availability-broadcaster.js';
import { FramePipeline, type FrameHandlers, type PipelineState } from './frame-pipeline.js';
import { mayHostWidget } from './origin-policy.js';
import { sessionEndpoint, type GatewayDeps } from './session-endpoint.js';
import { admitStart } from './start-guard.js';
import { visitorEmailHandlers } from './visitor-email-handlers.js';

type VisitorContextClaim = { name: string; entry: RoomEntry; userAgent: string };

type VisitorSession = PipelineState & {
  /** The room as the page named it (a room, or an agent's private room). */
  name: string;
  entry: RoomEntry;
  userAgent: string;
  visitorId: string | null;
  context: VisitorContext | undefined;
};

const parse = createFrameParser(VisitorClientFrame, { message: checkSendMessage });

export type VisitorEndpointDeps = GatewayDeps & {
  availability: AvailabilityBroadcaster;
  /** PUBLIC_URL's origin: Parley's own pages (the hosted chat page) may use every room. */
  publicOrigin: string;
  email: Email;
};

/**
 * `/ws/visitor?room=NAME`: the widget's connection. The room and the page's origin are checked
 * before the upgrade. From then on the connection hears the room's availability; `hello` resumes
 * or mints the visitor's session (a page sends it once the visitor has a session or wants one, so
 * pages that only show a launcher create nothing on the server).
 */
export function createVisitorEndpoint(deps: VisitorEndpointDeps): SocketEndpoint<VisitorContextClaim> {
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
      const visitorId = ready(session);
      const isNew = !hub.lifecycle.openFor(visitorId, session.entry.room.name);
      const form = isNew ? admitStart(session.entry, frame.form, deps.availability.isAvailable(session.entry)) : frame.form;
      const view = await hub.lifecycle.start({
        visitorId,
        entry: session.entry,
        form,
        context: { ...session.context, ...frame.context, ...(session.userAgent ? { userAgent: session.userAgent } : {}) },
        origin: session.connection,
      });
      session.connection.send(JSON.stringify({ type: 'conversation', conversation: view }));
    },
    message(session, frame) {
      const connection = session.connection;
      return hub.messaging.send({ kind: 'visitor', visitorId: ready(session) }, frame, connection).then((ack) => connection.send(ackJson(ack)));
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
    ...visitorEmailHandlers<VisitorSession>(deps.email, ready),
  };

  // No hello deadline: a page that has not chatted yet keeps its connection only to hear availability.
  const pipeline = new FramePipeline<VisitorSession, VisitorClientFrame>({ parse, handlers, clock, limits: deps.limits, log, helloTimeoutMs: null });

  return sessionEndpoint(deps, pipeline, {
    upgrade(request) {
      const name = request.query.get('room') ?? '';
      const entry = hub.directory.entry(name);
      if (!entry) return { accept: false, response: errorResponse(404, 'UNKNOWN_ROOM', `There is no room named "${name.slice(0, 40)}".`) };
      if (!mayHostWidget(request, entry.room.whitelistedDomains, deps.publicOrigin)) {
        return { accept: false, response: errorResponse(403, 'ORIGIN_NOT_ALLOWED', 'This site may not host this chat.') };
      }
      return { accept: true, context: { name, entry, userAgent: (request.header('user-agent') ?? '').slice(0, 512) } };
    },
    session(base, claim): VisitorSession {
      deps.availability.watch(claim.name, claim.entry, base.connection);
      // Fields added to the pipeline's object rather than spread into a new one: V8 gives every
      // spread copy whose fields later change type (visitorId: null, then a string) a hidden class
      // of its own, about 500 bytes per idle visitor.
      return Object.assign(base, { name: claim.name, entry: claim.entry, userAgent: claim.userAgent, visitorId: null, context: undefined });
    },
    closed(session) {
      deps.availability.unwatch(session.name, session.connection);
      if (!session.visitorId) return;
      registry.removeVisitor(session.visitorId, session.connection);
      hub.presence.visitorDisconnected(session.visitorId);
    },
  });
}
