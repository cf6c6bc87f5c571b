import type { Socket } from 'node:net';

/**
 * Counts the TCP connections each address holds open and cuts those over the cap at once, so
 * that one address cannot take every file descriptor the process has (the rest of the world,
 * health checks included, keeps being served). A cap of 0 counts nothing.
 */
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();

  constructor(private readonly cap: number) {}

  admit(socket: Socket): void {
    if (this.cap <= 0) return;
    const address = socket.remoteAddress ?? '';
    const count = (this.open.get(address) ?? 0) + 1;
    if (count > this.cap) {
      socket.destroy();
      return;
    }
    this.open.set(address, count);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
  }
}
