/*
 * The schemas of what a site owner configures (rooms, agents, admins, the public profile, the
 * configuration file), shared by the server, which checks every save with them, and the admin
 * console, which checks its forms with the same rules before sending.
 */
export * from './admin-config.js';
export * from './agent-config.js';
export * from './availability-config.js';
export * from './canned-reply.js';
export * from './config-file.js';
export * from './email-config.js';
export * from './password-hash.js';
export * from './public-settings.js';
export * from './room-config.js';
export * from './service-levels.js';
export * from './widget-config.js';
