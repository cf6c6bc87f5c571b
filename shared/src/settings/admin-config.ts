import { z } from 'zod';
import { PASSWORD_HASH_PATTERN } from './password-hash.js';

/**
 * A person who configures Parley in the admin console. A role apart from agents: an agent's
 * sign-in never opens the admin API. The same person may be both, with the same email address and
 * two records.
 */
export const AdminConfig = z.strictObject({
  /** Signs in with this email address. */
  id: z.email({ error: 'must be an email address' }).max(254),
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  /** Absent until the admin set a password through their one-time setup link. */
  passwordHash: z.string().regex(PASSWORD_HASH_PATTERN, 'must be a hash printed by `npm run hash-password`, not a password').optional(),
});
export type AdminConfig = z.infer<typeof AdminConfig>;
