/*
 * The client core every Parley front end shares (widget, agent console, admin console): the
 * connection, its states and close-code policy, the recovery rule, and small browser helpers.
 * It imports no zod (types only from the protocol), and each piece is its own module, so a
 * bundle keeps only what it uses.
 */
export { reconnectDelay } from './backoff.js';
export { BottomKeeper } from './bottom-keeper.js';
export { Chime, type Note } from './chime.js';
export { newClientId } from './client-id.js';
export { ClientSocket, type ClientSocketOptions, type SocketLike } from './client-socket.js';
export { afterClose } from './close-policy.js';
export type { ConnectionChange, ConnectionState } from './connection-state.js';
export { readStored, writeStored } from './guarded-storage.js';
export { HistorySync } from './history-sync.js';
export { insertAtCursor } from './insert-at-cursor.js';
export { contiguousSeq, mergeMessages, missingAfter } from './message-log.js';
