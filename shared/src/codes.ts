/**
 * Every error code and close code Parley uses, in one place. Call sites name these constants;
 * no bare numbers or strings. Clients switch on them to decide what to tell the person and
 * whether to reconnect.
 */

/** Codes carried by `error` frames. The connection stays open after any of these. */
export const ErrorCode = {
  /** The frame was not valid JSON. */
  BAD_JSON: 'BAD_JSON',
  /** The frame's `type` is not one this endpoint knows. */
  UNKNOWN_TYPE: 'UNKNOWN_TYPE',
  /** The frame is JSON with a known type, but a field is missing, of the wrong type or too long. */
  BAD_FRAME: 'BAD_FRAME',
  /** Only `hello` is accepted until the server has answered with `welcome`. */
  HELLO_REQUIRED: 'HELLO_REQUIRED',
  /** A second `hello` on a connection that already has a session. */
  ALREADY_GREETED: 'ALREADY_GREETED',
  /** The conversation belongs to another visitor or agent. Nothing about it is revealed. */
  NOT_YOUR_CONVERSATION: 'NOT_YOUR_CONVERSATION',
  /** The conversation has ended; messages and typing are refused. */
  CONVERSATION_ENDED: 'CONVERSATION_ENDED',
  /** The welcome form did not pass the room's rules; `message` says which field and why. */
  FORM_INVALID: 'FORM_INVALID',
  /** Another agent accepted the conversation first. */
  ALREADY_TAKEN: 'ALREADY_TAKEN',
  /** The room's availability rules do not let visitors start a chat now (no agent ready, closed hours…). */
  ROOM_UNAVAILABLE: 'ROOM_UNAVAILABLE',
  /** The agent tried to accept a conversation that is not offered to them (any more). */
  NOT_OFFERED: 'NOT_OFFERED',
  /** The agent asked to be ready while holding as many conversations as their capacity allows. */
  AT_CAPACITY: 'AT_CAPACITY',
  /** The agent asked to be ready while a chat they ended still needs its result code (the room requires one). */
  DISPOSITION_REQUIRED: 'DISPOSITION_REQUIRED',
  /** The action does not apply here (asking all agents in a room that is not sticky, for example). */
  NOT_ALLOWED: 'NOT_ALLOWED',
  /** The connection sends faster than allowed; the frame was dropped, send it again later. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Something failed on the server; the frame had no effect and may be sent again. */
  INTERNAL: 'INTERNAL',
  /**
   * The server cannot take this now (its store or the node that routes cannot be reached, for a
   * few seconds at most); nothing was stored. Send it again: the client id keeps it from being
   * stored twice.
   */
  UNAVAILABLE: 'UNAVAILABLE',
  /** The email asked for is not offered here: no mail server configured, the room does not offer it, or not now (a transcript before the chat ended). */
  EMAIL_UNAVAILABLE: 'EMAIL_UNAVAILABLE',
  /** No address to send to, or one Parley does not send to (it must be a plain name@example.com). */
  EMAIL_ADDRESS_INVALID: 'EMAIL_ADDRESS_INVALID',
  /** Too many emails asked for by this visitor, or to this address, lately; `message` says when to try again. */
  EMAIL_RATE_LIMITED: 'EMAIL_RATE_LIMITED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * WebSocket close codes. 1000–1015 are the standard ones we send; 4000–4999 are ours.
 * A client reconnects (with jittered backoff) after any code except those marked "final".
 */
export const CloseCode = {
  /** Normal closure, e.g. the client went away on purpose. */
  NORMAL: 1000,
  /** Never sent: what a client reports when the connection dropped without a close frame. */
  ABNORMAL: 1006,
  /** The frame exceeded the 64 KiB payload limit (sent by both transports themselves). */
  MESSAGE_TOO_BIG: 1009,
  /** The server is restarting or draining: reconnect, the session and conversation survive. */
  SERVICE_RESTART: 1012,
  /** The server could not answer `hello` now (in a cluster, routing is moving between nodes): reconnect in a moment. */
  TRY_AGAIN_LATER: 1013,
  /** No `hello` arrived within the allowed time after connecting. */
  HELLO_TIMEOUT: 4000,
  /** Final: the agent's session token is unknown or expired; sign in again. */
  UNAUTHORIZED: 4001,
  /** Final: the agent signed out (from this or another tab); every socket of that session closes. */
  SIGNED_OUT: 4002,
  /** Final: this agent may not sign in on this client (browser or mobile), as their settings say. */
  CLIENT_NOT_ALLOWED: 4003,
  /** The connection kept sending after being slowed down. Reconnect later, more gently. */
  FLOODING: 4008,
  /** The client read too slowly and the server's send buffer filled up; reconnect and resume. */
  SLOW_CONSUMER: 4009,
  /** Too many malformed or refused frames in a row; the client is probably broken. */
  TOO_MANY_ERRORS: 4010,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client must not reconnect on its own. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.UNAUTHORIZED, CloseCode.SIGNED_OUT, CloseCode.CLIENT_NOT_ALLOWED]);

/** Close codes after which a client reconnects more gently: it was flooding, or sending broken frames. */
export const SLOW_DOWN_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.FLOODING, CloseCode.TOO_MANY_ERRORS]);
