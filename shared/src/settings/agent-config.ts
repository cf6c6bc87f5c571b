import { z } from 'zod';
import { RoomName } from '../ids.js';
import { CannedReplies } from './canned-reply.js';
import { PASSWORD_HASH_PATTERN } from './password-hash.js';

/** One agent. Passwords are never stored in the file, only their scrypt hash. */
export const AgentConfig = z.strictObject({
  /** The agent signs in with this email address; it is also the `agentID` in statistics. */
  id: z.email({ error: 'must be an email address' }).max(254),
  /** Shown to visitors and in statistics as `agName`. */
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  /** Refused with a pointer to `passwordHash`, so that a plain password never sits in the file. */
  password: z.never({ error: 'plain passwords are not accepted: put the output of `npm run hash-password` in passwordHash instead' }).optional(),
  /**
   * `npm run hash-password -- 'secret'` prints one. An agent without one cannot sign in until
   * they set a password through an invite link from the admin console.
   */
  passwordHash: z
    .string({ error: 'must be the output of `npm run hash-password`' })
    .regex(PASSWORD_HASH_PATTERN, 'must be a hash printed by `npm run hash-password`, not a password')
    .optional(),
  /** Rooms whose chats this agent answers. */
  rooms: z.array(RoomName).min(1, 'must list at least one room'),
  /** Conversations the agent may hold at once across all rooms; replaces the rooms' capacities. */
  capacity: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50').optional(),
  /** Name of the agent's private room; defaults to AGENT- and the address before the @, upper-cased. */
  privateRoom: RoomName.optional(),
  /** Where the agent may sign in: the browser console, the mobile client (a phone-sized screen), or both. */
  clients: z
    .array(z.enum(['browser', 'mobile'], { error: 'must be "browser" or "mobile"' }))
    .min(1, 'must allow at least one client')
    .default(['browser', 'mobile']),
  /** The agent's own canned replies, beside their rooms' (theirs win on the same shortcut). */
  cannedReplies: CannedReplies,
  /** A disabled agent cannot sign in, and is signed out everywhere at once. */
  disabled: z.boolean({ error: 'must be true or false' }).default(false),
});
export type AgentConfig = z.infer<typeof AgentConfig>;

/**
 * An agent as the store keeps them: the file's settings, and when they were last signed out
 * everywhere (sessions made before then are refused). Not part of the file: it is state.
 */
export type StoredAgent = AgentConfig & { signedOutAt?: number };

export function defaultPrivateRoom(agentId: string): string {
  const local = agentId.split('@')[0] ?? agentId;
  return `AGENT-${local
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`.slice(0, 40);
}
