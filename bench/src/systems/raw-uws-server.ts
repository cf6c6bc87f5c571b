import type { TemplatedApp, WebSocket } from 'uWebSockets.js';
import { createRequire } from 'node:module';
import { type Status, StatusCounter } from './stats-shape.js';

/*
 * Baseline "the limit": uWebSockets.js doing the least work a chat relay can do. Each socket
 * names its pair and side in the URL; a text frame is parsed and stringified (the least a server
 * that looks at messages does) and sent to the other side. `hello` is answered with `welcome` (one
 * round trip, as a resume needs), `status` moves a counter, and GET /stats serves the counters'
 * JSON, serialised once per change. No validation, no store, no acknowledgement.
 */

type Uws = typeof import('uWebSockets.js');
type Side = { pair: string; side: 0 | 1 };

const uws = createRequire(import.meta.url)('uWebSockets.js') as Uws;
const decoder = new TextDecoder();
const pairs = new Map<string, [WebSocket<Side> | null, WebSocket<Side> | null]>();
const stats = new StatusCounter('BENCH');

const app: TemplatedApp = uws.App();
app.ws<Side>('/relay', {
  compression: uws.DISABLED,
  maxPayloadLength: 64 * 1024,
  idleTimeout: 60,
  sendPingsAutomatically: true,
  upgrade: (res, req, context) => {
    const query = new URLSearchParams(req.getQuery() ?? '');
    const data: Side = { pair: query.get('pair') ?? '', side: query.get('side') === 'b' ? 1 : 0 };
    res.upgrade(data, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'), req.getHeader('sec-websocket-extensions'), context);
  },
  open: (ws) => {
    const { pair, side } = ws.getUserData();
    let entry = pairs.get(pair);
    if (!entry) pairs.set(pair, (entry = [null, null]));
    entry[side] = ws;
  },
  message: (ws, message) => {
    const frame = JSON.parse(decoder.decode(message)) as { type: string; agent?: string; status?: Status };
    if (frame.type === 'hello') {
      ws.send('{"type":"welcome"}');
      return;
    }
    if (frame.type === 'status') {
      stats.set(String(frame.agent), frame.status!);
      return;
    }
    const { pair, side } = ws.getUserData();
    pairs.get(pair)?.[1 - side]?.send(JSON.stringify(frame));
  },
  close: (ws) => {
    const { pair, side } = ws.getUserData();
    const entry = pairs.get(pair);
    if (entry?.[side] !== ws) return;
    entry[side] = null;
    if (!entry[1 - side]) pairs.delete(pair);
  },
});
app.get('/stats', (res) => {
  res.writeHeader('content-type', 'application/json; charset=utf-8');
  res.end(stats.summary());
});
app.any('/*', (res) => {
  res.writeStatus('404 Not Found').end();
});
app.listen(process.env.HOST ?? '127.0.0.1', Number(process.env.PORT ?? 0), (socket) => {
  if (!socket) {
    process.stderr.write('raw uWS baseline: cannot listen\n');
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify({ ready: true, port: uws.us_socket_local_port(socket) })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
