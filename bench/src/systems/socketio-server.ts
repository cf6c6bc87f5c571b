import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { type Status, StatusCounter } from './stats-shape.js';

/*
 * Baseline "what people build chat on": a minimal Socket.IO relay with rooms. Both sides of a
 * conversation join its room; a message is broadcast to the room except the sender. Socket.IO
 * parses and serialises each packet. With SIO_RECOVERY=1 its connection state recovery is on
 * (missed room broadcasts are kept in memory for two minutes and replayed on reconnect), which is
 * Socket.IO's answer to "resume after a drop". GET /stats is a plain node:http route serving the
 * counters' JSON, as an Express or node:http app beside Socket.IO would.
 */

const stats = new StatusCounter('BENCH');
const http = createServer((request, response) => {
  if (request.url === '/stats') {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(stats.summary());
    return;
  }
  response.writeHead(404);
  response.end();
});

const recovery = process.env.SIO_RECOVERY === '1';
const io = new Server(http, {
  serveClient: false,
  ...(recovery ? { connectionStateRecovery: { maxDisconnectionDuration: 120_000, skipMiddlewares: true } } : {}),
});

io.on('connection', (socket) => {
  socket.on('join', (room: string, ack?: () => void) => {
    void socket.join(room);
    if (typeof ack === 'function') ack();
  });
  socket.on('msg', (room: string, frame: unknown) => {
    socket.to(room).emit('msg', frame);
  });
  socket.on('status', (agent: string, status: Status) => stats.set(agent, status));
});

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ ready: true, port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
