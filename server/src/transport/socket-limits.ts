import { Limits } from '@parley/shared';

/**
 * Limits both transports apply, chosen on purpose:
 *
 * - 64 KiB per frame: a chat message is at most 4,000 characters (16 KB of UTF-8 at worst) and the
 *   largest frame a client sends is a welcome form, far below. Anything bigger is hostile or broken
 *   and the connection is closed with 1009. ws checks the frame header and never buffers it;
 *   uWebSockets.js cuts the TCP connection without a close code at its own limit, so it gets
 *   `uwsHardPayloadBytes` and we close with 1009 ourselves between the two.
 * - 1 MiB of unsent data per socket: enough for a history page of 200 long messages plus live
 *   traffic. A client that lets more pile up is not reading; it is closed with SLOW_CONSUMER and
 *   resumes from its last sequence number, so nothing is lost and the server's memory stays bounded.
 *   We check it after each batch of sends. uWebSockets.js drops every send, the close frame too,
 *   once its own limit is passed, so its limit is `uwsHardBackpressureBytes`, far above ours: the
 *   SLOW_CONSUMER close frame always gets queued (behind what the client has not read yet).
 * - 60 s idle timeout with automatic pings every ~30 s: mobile networks and NATs drop silent TCP
 *   connections after 30–120 s; the pings keep them open and reveal dead peers within a minute,
 *   which is when agents' grace periods and visitors' queue places start counting.
 * - 10 s for a plain HTTP connection to send its request headers, and to stay silent between
 *   requests, as uWebSockets.js does on its own: a socket that opens and says nothing must not
 *   hold a descriptor for ever (a few hundred of them once took the server's `/healthz` down).
 *   A request's body may take up to 5 minutes in all (node:http's default), enough for the largest
 *   attachment over a slow phone link; silence of 10 s in the middle of it still ends it.
 * - Request bodies in memory at once: 52 MiB per address (two of the largest attachments) and
 *   256 MiB in all, counted by what each request says it will send (its Content-Length, or its
 *   route's limit without one) from the moment it is admitted until it is answered. Beyond, 503
 *   with Retry-After before the body is read: the process's memory stays bounded whatever
 *   number of slow uploads is open.
 * - 26 MiB HTTP bodies: the largest attachment a room may allow (25 MiB) plus headroom; each route
 *   checks its own, smaller limit (a room's attachment size, a few KiB for JSON).
 */
export const SocketLimits = {
  maxPayloadBytes: Limits.framePayloadBytes,
  uwsHardPayloadBytes: 4 * Limits.framePayloadBytes,
  maxBackpressureBytes: 1024 * 1024,
  uwsHardBackpressureBytes: 64 * 1024 * 1024,
  idleTimeoutSeconds: 60,
  httpIdleTimeoutMs: 10_000,
  maxHttpBodyBytes: 26 * 1024 * 1024,
  bodyBytesInFlightPerAddress: 52 * 1024 * 1024,
  bodyBytesInFlight: 256 * 1024 * 1024,
} as const;
