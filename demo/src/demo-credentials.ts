/**
 * The demo agents' and admin's password, printed by `npm start` so that a first-time user can sign in. Only
 * their scrypt hashes are in parley.config.json; a test checks that these sign in.
 */
export const DEMO_PASSWORD = 'parley-demo';
export const DEMO_AGENTS = ['alice@parley.demo', 'bob@parley.demo', 'carol@parley.demo'] as const;
/** The demo's admin, with the same password. */
export const DEMO_ADMIN = 'admin@parley.demo';
