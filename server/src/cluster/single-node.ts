import { closeAgentSession } from '../gateway/agent-session-closer.js';
import type { ConnectionRegistry } from '../gateway/registry.js';
import { hubFigures } from '../owner/live-figures.js';
import { type OwnerCoreDeps, startOwnerCore } from './owner-core.js';
import type { Routing } from './routing.js';

/** One node (the embedded store): this process routes, and its own sockets are everyone's. */
export async function singleNodeRouting(deps: Omit<OwnerCoreDeps, 'fanout'> & { registry: ConnectionRegistry }): Promise<Routing> {
  const { registry } = deps;
  const core = await startOwnerCore({ ...deps, fanout: registry });
  return {
    owner: core.owner,
    figures: hubFigures(core.hub),
    fanout: registry,
    onRoomChanged(listener) {
      core.signals.onQueueChanged(listener);
      core.signals.onReadyAgentsChanged(listener);
    },
    settingsChanged: (change) => core.settingsChanged(change),
    closeSession: (agentId, sessionHash) => closeAgentSession(core.owner, registry, agentId, sessionHash),
    health: () => ({ ok: true, role: 'single', problem: null }),
    stop: () => core.stop(),
  };
}
