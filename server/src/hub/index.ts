export { createHub, type Hub } from './create-hub.js';
export { systemClock, type Clock, type Timer } from './clock.js';
export { Directory, type RoomEntry, type AgentEntry } from './directory.js';
export { HubError } from './hub-error.js';
export type { HubSettings } from './hub-state.js';
export type { Notifier } from './notifier.js';
export type { Party } from './access.js';
