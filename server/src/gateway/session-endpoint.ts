import type { Logger } from 'pino';
import type { Directory } from '../config/directory.js';
import type { Clock } from '../core/clock.js';
import type { Metrics } from '../core/metrics.js';
import type { OwnerApi } from '../owner/owner-api.js';
import type { Sessions } from '../sessions/sessions.js';
import { errorResponse } from '../transport/json-response.js';
import type { Connection, SocketEndpoint, UpgradeDecision, UpgradeRequest } from '../transport/transport.js';
import type { AddressThrottle } from './address-throttle.js';
import type { FramePipeline, PipelineState, RateLimits } from './frame-pipeline.js';
import type { ConnectionRegistry } from './registry.js';

/** What both WebSocket endpoints are built from. */
export type GatewayDeps = {
  /** The routing owner: this process's hub, or the node that holds the routing lease. */
  owner: OwnerApi;
  /** Rooms and agents as the settings say now (every node keeps its own copy current). */
  directory: Directory;
  sessions: Sessions;
  registry: ConnectionRegistry;
  addresses: AddressThrottle;
  clock: Clock;
  limits: RateLimits;
  log: Logger;
  /** Where acks' latency is observed. */
  metrics?: Metrics;
};

/**
 * A WebSocket endpoint whose connections each carry a session: the address throttle refuses
 * upgrades first, then the endpoint's own checks; frames go through the pipeline; on close the
 * endpoint hears about the session it is losing.
 */
export function sessionEndpoint<S extends PipelineState, F extends { type: string }, Context>(
  deps: Pick<GatewayDeps, 'addresses' | 'clock'>,
  pipeline: FramePipeline<S, F>,
  hooks: {
    upgrade(request: UpgradeRequest): UpgradeDecision<Context>;
    session(base: PipelineState, context: Context): S;
    closed(session: S): void;
  },
): SocketEndpoint<Context> {
  const byConnection = new Map<Connection, S>();
  return {
    upgrade(request) {
      if (!deps.addresses.allow(request.remoteAddress, deps.clock.now())) {
        return { accept: false, response: errorResponse(429, 'TOO_MANY_CONNECTIONS', 'Too many connections from your address; try again in a minute.') };
      }
      return hooks.upgrade(request);
    },
    open(connection, context) {
      byConnection.set(connection, hooks.session(pipeline.initialState(connection), context));
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
      hooks.closed(session);
    },
  };
}
