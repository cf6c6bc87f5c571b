/**
 * The client's address, as every limit counts it. Behind a proxy Parley trusts (TRUST_PROXY) it
 * is the last address in X-Forwarded-For, the one that proxy added (earlier ones are whatever the
 * client claimed); without the header, or without trust, the peer's. Both transports set it on
 * every request and on the connection an upgrade makes, so an endpoint sees the same address at
 * the upgrade and for the life of the socket.
 */
export function clientAddress(peer: string, header: (name: string) => string | undefined, trustProxy: boolean): string {
  if (!trustProxy) return peer;
  const last = header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return last && last.length <= 64 ? last : peer;
}
