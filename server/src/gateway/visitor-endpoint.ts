import { checkSendMessage, createFrameParser, ErrorCode, VisitorClientFrame, type VisitorContext } from '@parley/shared';
import type { RoomAvailability } from '../availability/room-availability.js';
import type { RoomEntry } from '../config/directory.js';
import { mayHostWidget } from '../config/origin-policy.js';
import type { EmailRequester } from '../core/party.js';
import { Refusal } from '../core/refusal.js';
import { errorResponse } from '../transport/json-response.js';
import type { SocketEndpoint } from '../transport/transport.js';
import { acknowledger } from './ack-json.js';
import { type FrameHandlers, FramePipeline, type PipelineState } from './frame-pipeline.js';
import type { RoomFeed } from './room-feed.js';
import { type GatewayDeps, sessionEndpoint } from './session-endpoint.js';
import { admitStart } from './start-guard.js';

type VisitorContextClaim = { name: string; userAgent: string };

type VisitorSession = PipelineState & {
  /** The room as the page named it (a room, or an agent's private room); its settings are looked up when needed, so they are always the current ones. */
  name: string;
  userAgent: string;
  visitorId: string | null;
  context: VisitorContext | undefined;
};

const parse = createFrameParser(VisitorClientFrame, { message: checkSendMessage });

export type VisitorEndpointDeps = GatewayDeps & {
  feed: RoomFeed;
  roomAvailability: RoomAvailability;
  /** PUBLIC_URL's origin: Parley's own pages (the hosted chat page) may use every room. */
  publicOrigin: string;
};

/**
 * `/ws/visitor?room=NAME`: the widget's connection. The room and the page's origin are checked
 * before the upgrade. From then on the connection hears the room's availability; `hello` resumes
 * or mints the visitor's session (a page sends it once the visitor has a session or wants one, so
 * pages that only show a launcher create nothing on the server).
 */
export function createVisitorEndpoint(deps: VisitorEndpointDeps): SocketEndpoint<VisitorContextClaim> {
  const { owner, directory, sessions, registry, clock, log } = deps;
  const acknowledge = acknowledger(deps.metrics, 'visitor');

  const ready = (session: VisitorSession): string => {
    if (!session.visitorId) throw new Error('handler ran before hello');
    return session.visitorId;
  };
  const requester = (session: VisitorSession): EmailRequester => ({ visitorId: ready(session), network: session.connection.remoteAddress });
  const entryOf = (session: VisitorSession): RoomEntry => {
    const entry = directory.entry(session.name);
    if (!entry) throw new Refusal(ErrorCode.ROOM_UNAVAILABLE, 'This room no longer exists.');
    return entry;
  };
  const answer = (session: VisitorSession, frame: object) => session.connection.send(JSON.stringify(frame));

  const handlers: FrameHandlers<VisitorSession, VisitorClientFrame> = {
    async hello(session, frame) {
      const { visitorId, token } = await sessions.visitor(frame.token);
      if (session.connection.closed) return;
      const room = entryOf(session).room;
      session.context = frame.context;
      const connection = session.connection;
      // Counted in as the welcome is made: it goes out first, and what the owner sends after it follows.
      await owner.visitorHello(visitorId, session.name, ({ conversation, position }) => {
        // The page closed while the owner answered: count it out again.
        if (connection.closed) return void owner.visitorGone(visitorId).catch(() => {});
        session.visitorId = visitorId;
        registry.addVisitor(visitorId, connection);
        answer(session, { type: 'welcome', visitorId, token, room: { name: room.name, label: room.label, routing: room.routing }, conversation });
        if (conversation && position !== null) answer(session, { type: 'queue', conversationId: conversation.id, position });
        // Ready as the welcome goes out: what the client sends once it has it is not held back.
        session.phase = 'ready';
      });
    },
    async start(session, frame) {
      const visitorId = ready(session);
      const entry = entryOf(session);
      const isNew = !(await owner.hasOpen(visitorId, session.name));
      const form = isNew ? admitStart(entry, frame.form, deps.roomAvailability.isAvailable(entry)) : frame.form;
      const view = await owner.start({
        visitorId,
        roomName: session.name,
        form,
        context: { ...session.context, ...frame.context, ...(session.userAgent ? { userAgent: session.userAgent } : {}) },
        origin: registry.refOf(session.connection),
      });
      answer(session, { type: 'conversation', conversation: view });
    },
    message(session, frame) {
      const connection = session.connection;
      return acknowledge(connection, owner.send({ kind: 'visitor', visitorId: ready(session) }, frame, registry.refOf(connection)));
    },
    typing(session, frame) {
      return owner.typing({ kind: 'visitor', visitorId: ready(session) }, frame);
    },
    async sync(session, frame) {
      answer(session, await owner.history({ kind: 'visitor', visitorId: ready(session) }, frame.conversationId, frame.afterSeq));
    },
    async askAll(session, frame) {
      answer(session, { type: 'conversation', conversation: await owner.askAll(ready(session), frame.conversationId) });
    },
    async keepWaiting(session, frame) {
      answer(session, { type: 'conversation', conversation: await owner.keepWaiting(ready(session), frame.conversationId) });
    },
    async end(session, frame) {
      await owner.end({ kind: 'visitor', visitorId: ready(session) }, frame.conversationId);
    },
    async emailTranscript(session, frame) {
      answer(session, await owner.emailTranscript(requester(session), frame));
    },
    async leaveMessage(session, frame) {
      answer(session, await owner.leaveMessage({ requester: requester(session), roomName: session.name, pageUrl: session.context?.url ?? null, frame }));
    },
    async emailAlert(session, frame) {
      answer(session, await owner.emailAlert(requester(session), frame));
    },
  };

  // No hello deadline: a page that has not chatted yet keeps its connection only to hear availability.
  const pipeline = new FramePipeline<VisitorSession, VisitorClientFrame>({ parse, handlers, clock, limits: deps.limits, log, helloTimeoutMs: null });

  return sessionEndpoint(deps, pipeline, {
    upgrade(request) {
      const name = request.query.get('room') ?? '';
      const entry = directory.entry(name);
      if (!entry) return { accept: false, response: errorResponse(404, 'UNKNOWN_ROOM', `There is no room named "${name.slice(0, 40)}".`) };
      if (!mayHostWidget(request, entry.room.whitelistedDomains, deps.publicOrigin)) {
        return { accept: false, response: errorResponse(403, 'ORIGIN_NOT_ALLOWED', 'This site may not host this chat.') };
      }
      return { accept: true, context: { name, userAgent: (request.header('user-agent') ?? '').slice(0, 512) } };
    },
    session(base, claim): VisitorSession {
      deps.feed.watch(claim.name, base.connection);
      // Fields added to the pipeline's object rather than spread into a new one: V8 gives every
      // spread copy whose fields later change type (visitorId: null, then a string) a hidden class
      // of its own, about 500 bytes per idle visitor.
      return Object.assign(base, { name: claim.name, userAgent: claim.userAgent, visitorId: null, context: undefined });
    },
    closed(session) {
      deps.feed.unwatch(session.name, session.connection);
      if (!session.visitorId) return;
      registry.removeVisitor(session.visitorId, session.connection);
      owner.visitorGone(session.visitorId).catch((error: unknown) => log.warn({ err: error }, 'could not tell the owner a visitor left'));
    },
  });
}
