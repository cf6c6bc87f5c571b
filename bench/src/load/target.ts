import type { Dialect } from '../systems/systems.js';

/** What the load generator needs to reach a running system. */
export type Target = {
  dialect: Dialect;
  http: string;
  ws: string;
  /** Where agents connect, when not where visitors do (the nodes of a cluster: chats cross nodes). */
  agentHttp?: string;
  agentWs?: string;
  /** Parley only: the run's agents (see parley-config.ts). */
  agents?: { password: string; ids: string[]; privateRooms: string[]; statsKey: string };
};

export function parleyAgents(target: Target): NonNullable<Target['agents']> {
  if (!target.agents) throw new Error('this scenario needs the Parley agents of the run');
  return target.agents;
}
