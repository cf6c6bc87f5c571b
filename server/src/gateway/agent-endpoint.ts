import { AgentClientFrame, checkSendMessage, CloseCode, createFrameParser, type ClientKind } from '@parley/shared';
import type { AlertPreferences } from '../email/alert-preferences.js';
import { agentRoomsFrame } from '../hub/room-settings.js';
import type { SocketEndpoint } from '../transport/transport.js';
import { ackJson } from './ack-json.js';
import { FramePipeline, type FrameHandlers, type PipelineState } from './frame-pipeline.js';
import { sessionEndpoint, type GatewayDeps } from './session-endpoint.js';

type AgentSession = PipelineState & {
  agentId: string | null;
  client: ClientKind;
};

const parse = createFrameParser(AgentClientFrame, { message: checkSendMessage });

/**
 * `/ws/agent`: the console's connection (browser or mobile). Signing in happens over HTTP;
 * `hello` presents the session token. Authentication is by that token, not by cookies, so another
 * site cannot ride on an agent's browser session.
 */
export function createAgentEndpoint(deps: GatewayDeps & { preferences: AlertPreferences }): SocketEndpoint<null> {
  const { hub, sessions, registry, clock, log } = deps;

  const agentOf = (session: AgentSession): string => {
    if (!session.agentId) throw new Error('handler ran before hello');
    return session.agentId;
  };
  const send = (session: AgentSession, frame: unknown) => session.connection.send(JSON.stringify(frame));

  const handlers: FrameHandlers<AgentSession, AgentClientFrame> = {
    async hello(session, frame) {
      const found = await sessions.agent(frame.token);
      const agent = found && hub.directory.agent(found.agentId);
      if (session.connection.closed) return;
      if (!found || !agent) {
        send(session, { type: 'error', code: 'NOT_ALLOWED', message: 'Your sign-in has expired; sign in again.', ref: 'hello' });
        session.connection.close(CloseCode.UNAUTHORIZED, 'sign in again');
        return;
      }
      session.agentId = agent.id;
      session.client = frame.client;
      // Registered as the welcome goes out: the status change this connection causes reaches the
      // agent's other connections, and this one learns it from the welcome, then hears what follows.
      hub.presence.agentConnected(agent.id, frame.client, frame.status, (welcome) => {
        registry.addAgent(agent.id, session.connection, { client: frame.client, sessionHash: found.sessionHash });
        send(session, welcome);
        send(session, agentRoomsFrame(hub.directory, agent));
      });
      session.phase = 'ready';
      send(session, await deps.preferences.frame(agent.id));
    },
    status(session, frame) {
      hub.presence.setStatus(agentOf(session), session.client, frame.status);
    },
    async accept(session, frame) {
      await hub.lifecycle.accept(agentOf(session), session.client, frame.conversationId);
    },
    message(session, frame) {
      const connection = session.connection;
      return hub.messaging.send({ kind: 'agent', agentId: agentOf(session) }, frame, connection).then((ack) => connection.send(ackJson(ack)));
    },
    typing(session, frame) {
      hub.messaging.typing({ kind: 'agent', agentId: agentOf(session) }, frame);
    },
    async sync(session, frame) {
      send(session, await hub.messaging.history({ kind: 'agent', agentId: agentOf(session) }, frame.conversationId, frame.afterSeq));
    },
    async end(session, frame) {
      await hub.lifecycle.end({ kind: 'agent', agentId: agentOf(session) }, frame.conversationId);
    },
    async pastConversations(session, frame) {
      send(session, await hub.past.list(agentOf(session), frame.conversationId));
    },
    async preferences(session, frame) {
      const agentId = agentOf(session);
      registry.toAgent(agentId, await deps.preferences.set(agentId, frame.emailAlerts));
    },
  };

  const pipeline = new FramePipeline<AgentSession, AgentClientFrame>({ parse, handlers, clock, limits: deps.limits, log });

  return sessionEndpoint(deps, pipeline, {
    upgrade: () => ({ accept: true, context: null }),
    // Fields added to the pipeline's object, not spread into a new one: see the visitor endpoint.
    session: (base): AgentSession => Object.assign(base, { agentId: null, client: 'browser' as const }),
    closed(session) {
      if (!session.agentId) return;
      registry.removeAgent(session.agentId, session.connection);
      hub.presence.agentDisconnected(session.agentId, session.client);
    },
  });
}
