import { BenchSocket } from './bench-socket.js';

/** One side of a pair on the raw uWebSockets.js baseline, greeted with one hello/welcome round trip. */
export async function connectRaw(ws: string, pair: string, side: 'a' | 'b'): Promise<BenchSocket> {
  const socket = await BenchSocket.open(`${ws}/relay?pair=${encodeURIComponent(pair)}&side=${side}`);
  await new Promise<void>((resolve, reject) => {
    socket.onClose = (code) => reject(new Error(`raw socket closed (${code}) before welcome`));
    socket.onText = (text) => {
      if (text.startsWith('{"type":"welcome"')) {
        socket.hold();
        resolve();
      }
    };
    socket.send('{"type":"hello"}');
  });
  return socket;
}
