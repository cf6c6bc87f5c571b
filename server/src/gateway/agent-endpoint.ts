import { AgentClientFrame, type ClientKind, CloseCode, checkSendMessage, createFrameParser } from '@parley/shared';
import { agentRoomsFrame } from '../config/agent-rooms-frame.js';
import type { AlertPreferences } from '../email/alert-preferences.js';
import type { SocketEndpoint } from '../transport/transport.js';
import { acknowledger } from './ack-json.js';
import type { Fanout } from './fanout.js';
import { type FrameHandlers, FramePipeline, type PipelineState } from './frame-pipeline.js';
import { type GatewayDeps, sessionEndpoint } from './session-endpoint.js';

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
export function createAgentEndpoint(deps: GatewayDeps & { preferences: AlertPreferences; fanout: Fanout }): SocketEndpoint<null> {
  const { owner, directory, sessions, registry, clock, log } = deps;
  const acknowledge = acknowledger(deps.metrics, 'agent');

  const agentOf = (session: AgentSession): string => {
    if (!session.agentId) throw new Error('handler ran before hello');
    return session.agentId;
  };
  const send = (session: AgentSession, frame: unknown) => session.connection.send(JSON.stringify(frame));

  const handlers: FrameHandlers<AgentSession, AgentClientFrame> = {
    async hello(session, frame) {
      const found = await sessions.agent(frame.token);
      const agent = found && directory.agent(found.agentId);
      if (session.connection.closed) return;
      if (!found || !agent) {
        send(session, { type: 'error', code: 'NOT_ALLOWED', message: 'Your sign-in has expired; sign in again.', ref: 'hello' });
        session.connection.close(CloseCode.UNAUTHORIZED, 'sign in again');
        return;
      }
      if (!agent.clients.includes(frame.client)) {
        const where = frame.client === 'mobile' ? 'on a phone' : 'in a browser';
        send(session, { type: 'error', code: 'NOT_ALLOWED', message: `Your account may not sign in ${where}.`, ref: 'hello' });
        session.connection.close(CloseCode.CLIENT_NOT_ALLOWED, 'client not allowed');
        return;
      }
      const connection = session.connection;
      // Counted in as the welcome is made: the status change this connection causes reaches the
      // agent's other connections, this one learns it from the welcome, then hears what follows.
      await owner.agentHello(agent.id, frame.client, frame.status, (welcome) => {
        // The console closed while the owner answered: count it out again.
        if (connection.closed) return void owner.agentGone(agent.id, frame.client).catch(() => {});
        session.agentId = agent.id;
        session.client = frame.client;
        registry.addAgent(agent.id, connection, { client: frame.client, sessionHash: found.sessionHash });
        send(session, welcome);
        send(session, agentRoomsFrame(directory, agent));
        // Ready as the welcome goes out: what the client sends once it has it is not held back.
        session.phase = 'ready';
      });
      send(session, await deps.preferences.frame(agent.id));
    },
    async status(session, frame) {
      await owner.setStatus(agentOf(session), session.client, frame.status);
    },
    async accept(session, frame) {
      await owner.accept(agentOf(session), session.client, frame.conversationId);
    },
    message(session, frame) {
      const connection = session.connection;
      return acknowledge(connection, owner.send({ kind: 'agent', agentId: agentOf(session) }, frame, registry.refOf(connection)));
    },
    typing(session, frame) {
      return owner.typing({ kind: 'agent', agentId: agentOf(session) }, frame);
    },
    async sync(session, frame) {
      send(session, await owner.history({ kind: 'agent', agentId: agentOf(session) }, frame.conversationId, frame.afterSeq));
    },
    async end(session, frame) {
      await owner.end({ kind: 'agent', agentId: agentOf(session) }, frame.conversationId);
    },
    async note(session, frame) {
      await owner.note(agentOf(session), { conversationId: frame.conversationId, clientId: frame.clientId, text: frame.text });
    },
    async lead(session, frame) {
      await owner.lead(agentOf(session), frame.conversationId, frame.to);
    },
    async disposition(session, frame) {
      await owner.disposition(agentOf(session), frame.conversationId, frame.code, frame.note ?? null);
    },
    async transfer(session, frame) {
      await owner.transfer(agentOf(session), frame.conversationId, frame.to, frame.note ?? null);
    },
    async pastConversations(session, frame) {
      send(session, await owner.pastConversations(agentOf(session), frame.conversationId));
    },
    async preferences(session, frame) {
      const agentId = agentOf(session);
      // Every connection of the agent, on every node, hears the new setting.
      deps.fanout.toAgent(agentId, await deps.preferences.set(agentId, frame.emailAlerts));
    },
  };

  const pipeline = new FramePipeline<AgentSession, AgentClientFrame>({ parse, handlers, clock, limits: deps.limits, log });

  return sessionEndpoint(deps, pipeline, {
    upgrade: () => ({ accept: true, context: null }),
    // Fields added to the pipeline's object, not spread into a new one: see the visitor endpoint.
    session: (base): AgentSession => Object.assign(base, { agentId: null, client: 'browser' as const }),
    closed(session) {
      // A connection signed out was counted out already (agent-session-closer.ts): not a disconnect.
      if (!session.agentId || !registry.removeAgent(session.agentId, session.connection)) return;
      owner.agentGone(session.agentId, session.client).catch((error: unknown) => log.warn({ err: error }, 'could not tell the owner an agent left'));
    },
  });
}
