/** Where this node stands: whether it can serve, and (in a cluster) whether it routes. */
export type RoutingHealth = {
  ok: boolean;
  /** `single`: one node; `owner` / `follower`: holds the routing lease or not; `none`: nobody routes yet. */
  role: 'single' | 'owner' | 'follower' | 'none';
  /** Why it cannot serve, for the health answer and the log. */
  problem: string | null;
};
