/**
 * Where a client's connection stands. One enum for every front end (widget, console, admin):
 *
 * - `idle`: not started.
 * - `connecting`: the socket is opening.
 * - `listening`: open without a session; the widget hears its room's availability and nothing
 *   else until the visitor starts a chat (`greet`).
 * - `greeting`: `hello` sent, waiting for `welcome`.
 * - `ready`: welcomed; frames flow both ways.
 * - `retrying`: the socket dropped; the next attempt is due at `retryAt`.
 * - `offline`: the browser says there is no network; the next attempt is the moment it is back.
 * - `closed`: for good: stopped, or closed with a final code (`closeCode` says which).
 */
export type ConnectionState = 'idle' | 'connecting' | 'listening' | 'greeting' | 'ready' | 'retrying' | 'offline' | 'closed';

/** One change of state, with what the new state needs to be shown. */
export type ConnectionChange = {
  state: ConnectionState;
  previous: ConnectionState;
  /** When `retrying`: when the next attempt starts (on the clock given to the socket). */
  retryAt: number | null;
  /** The close code that led here, if a close did. */
  closeCode: number | null;
};
