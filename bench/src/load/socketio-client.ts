import { BenchSocket } from './bench-socket.js';

/*
 * Socket.IO's wire protocol (Engine.IO 4 over a WebSocket, Socket.IO 5 packets) spoken directly,
 * so that the load generator spends on a Socket.IO connection what it spends on the others:
 *   server "0{...}" (open) → client "40" (connect, with {pid, offset} to recover a session)
 *   → server "40{sid, pid}"; events are "42[name, ...args]"; the server pings "2", we answer "3".
 * With connection state recovery on, every event the server sends ends with its offset, and the
 * events missed while away arrive right before the "40" of a recovered session.
 */

export type SioSession = { socket: BenchSocket; sid: string; pid: string | null; recovered: boolean };

export async function connectSio(ws: string, recover?: { pid: string; offset: string | null }): Promise<SioSession> {
  const socket = await BenchSocket.open(`${ws}/socket.io/?EIO=4&transport=websocket`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Socket.IO connect timed out')), 60_000);
    const missed: string[] = [];
    socket.onClose = (code) => reject(new Error(`Socket.IO socket closed (${code}) while connecting`));
    socket.onText = (text) => {
      if (text.startsWith('0{')) {
        socket.send(recover ? `40${JSON.stringify({ pid: recover.pid, offset: recover.offset })}` : '40');
      } else if (text.startsWith('40')) {
        clearTimeout(timer);
        const data = JSON.parse(text.slice(2)) as { sid: string; pid?: string };
        socket.hold(missed);
        resolve({ socket, sid: data.sid, pid: data.pid ?? null, recovered: recover !== undefined && data.pid === recover.pid });
      } else if (text.startsWith('42')) {
        missed.push(text);
      } else if (text.startsWith('44')) {
        clearTimeout(timer);
        reject(new Error(`Socket.IO refused the connection: ${text}`));
      }
    };
  });
}

/** Wraps a text handler so that Engine.IO pings are answered. */
export function answeringPings(socket: BenchSocket, handler: (text: string) => void): (text: string) => void {
  return (text) => {
    if (text === '2') socket.send('3');
    else handler(text);
  };
}

export function sioEvent(...args: unknown[]): string {
  return `42${JSON.stringify(args)}`;
}
