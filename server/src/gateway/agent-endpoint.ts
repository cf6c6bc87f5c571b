import { AgentClientFrame, CloseCode, createFrameParser, type ClientKind } from '@parley/shared';
import type { Logger } from 'pino';
import type { Clock } from '../hub/clock.js';
import type { Hub } from '../hub/create-hub.js';
import { errorResponse } from '../http/json-response.js';
import type { Connection, SocketEndpoint } from '../transport/transport.js';
import type { AddressThrottle } from './address-throttle.js';
import { FramePipeline, type FrameHandlers, type PipelineState, type RateLimits } from './frame-pipeline.js';
import type { ConnectionRegistry } from './registry.js';
import type { Sessions } from './sessions.js';

type AgentSession = PipelineState & {
  agentId: string | null;
  client: ClientKind;
};

const parse = createFrameParser(AgentClientFrame);

export type AgentEndpointDeps = {
  hub: Hub;
  sessions: Sessions;
  registry: ConnectionRegistry;
  addresses: AddressThrottle;
  clock: Clock;
  limits: RateLimits;
  log: Logger;
};

/**
 * `/ws/agent`: the console's connection (browser or mobile). Signing in happens over HTTP;
 * `hello` presents the session token. Authentication is by that token, not by cookies, so another
 * site cannot ride on an agent's browser session.
 */
export function createAgentEndpoint(deps: AgentEndpointDeps): SocketEndpoint<null> {
  const { hub, sessions, registry, clock, log } = deps;
  const byConnection = new Map<Connection, AgentSession>();

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
      });
      session.phase = 'ready';
    },
    status(session, frame) {
      hub.presence.setStatus(agentOf(session), session.client, frame.status);
    },
    async accept(session, frame) {
      await hub.lifecycle.accept(agentOf(session), session.client, frame.conversationId);
    },
    async message(session, frame) {
      send(session, await hub.messaging.send({ kind: 'agent', agentId: agentOf(session) }, frame, session.connection));
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
  };

  const pipeline = new FramePipeline<AgentSession, AgentClientFrame>({ parse, handlers, clock, limits: deps.limits, log });

  return {
    upgrade(request) {
      if (!deps.addresses.allow(request.remoteAddress, clock.now())) {
        return { accept: false, response: errorResponse(429, 'TOO_MANY_CONNECTIONS', 'Too many connections from your address; try again in a minute.') };
      }
      return { accept: true, context: null };
    },
    open(connection) {
      // Not a spread: see the visitor endpoint (a hidden class per connection otherwise).
      byConnection.set(connection, Object.assign(pipeline.initialState(connection), { agentId: null, client: 'browser' as const }));
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
      if (session.agentId) {
        registry.removeAgent(session.agentId, connection);
        hub.presence.agentDisconnected(session.agentId, session.client);
      }
    },
  };
}
