/**
 * A message id of the client's choosing, so that sending it again is stored once (protocol:
 * `clientId`). `crypto.getRandomValues` (not `randomUUID`) because a console reached over plain
 * http on a LAN is not a secure context. 96 random bits: no two clients ever pick the same.
 */
export function newClientId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return `${prefix}-${text}`;
}
