/**
 * HAProxy in front of Parley's nodes: the configuration docs/scale-out.md shows, and the one the
 * cluster tests and `npm run start:cluster` run.
 *
 * - `mode http` upgrades WebSockets by itself; `timeout tunnel` keeps an upgraded connection
 *   open for as long as the chat (the nodes ping idle sockets every 30 s).
 * - Health checks on /healthz every 500 ms, as HTTP/1.1 with a Host (uWebSockets.js does not
 *   answer HTTP/1.0 requests): a node that is draining, has lost Redis, or sees no node routing
 *   answers 503 and gets no new connections after two checks.
 * - `retries` with `option redispatch`: a connection to a node that just died is tried on
 *   another at once, so clients reconnecting after a node's death land on a live one.
 * - `option forwardfor`: the client's address in X-Forwarded-For, which the nodes count rate
 *   limits by when started with TRUST_PROXY=true.
 * - `balance leastconn`: long-lived WebSockets spread by how many each node holds, not by
 *   arrival. Any node serves any client (no stickiness needed): state is in Redis and the owner.
 */
export function haproxyConfig(options: { bind: string; nodes: { name: string; address: string }[]; maxconn?: number }): string {
  // Each connection costs HAProxy two file descriptors: raise `ulimit -n` before raising this.
  return `global
  maxconn ${options.maxconn ?? 4000}

defaults
  mode http
  option redispatch
  option forwardfor
  retries 3
  timeout connect 1s
  timeout client 75s
  timeout server 75s
  timeout tunnel 1h
  timeout http-request 10s

frontend parley
  bind ${options.bind}
  default_backend parley_nodes

backend parley_nodes
  balance leastconn
  option httpchk
  http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host parley-health-check
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
${options.nodes.map((node) => `  server ${node.name} ${node.address} check`).join('\n')}
`;
}
