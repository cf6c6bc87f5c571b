/**
 * A message id the server stores once however often it is sent. `crypto.getRandomValues` (not
 * `randomUUID`) because a console reached over plain http on a LAN is not a secure context.
 */
export function newClientId(prefix = 'a'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let text = '';
  for (const byte of bytes) text += byte.toString(36).padStart(2, '0');
  return `${prefix}-${Date.now().toString(36)}-${text}`;
}
