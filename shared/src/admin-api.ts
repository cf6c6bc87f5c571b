import { z } from 'zod';
import type { ClientStatuses } from './agent-status.js';
import type { AdminConfig, AgentConfig, AvailabilityConfig, PublicProfile, RoomConfig } from './settings/index.js';

/*
 * The admin API (`/api/admin/…`, docs/admin-api.md): what the admin console sends and gets. The
 * settings themselves are checked with the schemas of `@parley/shared/settings`, against the
 * whole configuration, by the server; these are the envelopes around them.
 */

const Version = z.number({ error: 'must be the version you edited' }).int().min(0);
const Settings = z.record(z.string(), z.unknown(), { error: 'must be an object of settings' });

/** A save: the record as edited, and the version it was edited from (0 for a new record). */
export const RoomSave = z.strictObject({ version: Version, room: Settings });
export const AgentSave = z.strictObject({ version: Version, agent: Settings });
export const ProfileSave = z.strictObject({ version: Version, profile: Settings });
/** Actions on a record (delete, new stats key, reset password, sign out everywhere) name the version they were decided on. */
export const VersionOnly = z.strictObject({ version: Version });

/** A new admin, invited by another (they set their password from the link). */
export const AdminInvite = z.strictObject({
  id: z.email({ error: 'must be an email address' }).max(254),
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
});

/** The shortest password Parley accepts from an invite link. */
export const MIN_PASSWORD_LENGTH = 10;

/** `POST /api/invites/{token}`: the password, and for the first admin's setup link who they are. */
export const InviteAcceptance = z.strictObject({
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
  id: z.email({ error: 'must be an email address' }).max(254).optional(),
  name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
});

/** `POST /api/admin/rooms/{room}/availability`: rules being edited, evaluated by the server now. */
export const AvailabilityPreviewRequest = z.strictObject({ availability: z.unknown(), timeZone: z.string().max(64) });

export type RoomRecord = { version: number; updatedAt: number; room: RoomConfig };
export type AgentView = Omit<AgentConfig, 'passwordHash'> & { hasPassword: boolean; signedOutAt: number | null };
export type AgentRecord = { version: number; updatedAt: number; agent: AgentView; online: ClientStatuses };
export type AdminView = Omit<AdminConfig, 'passwordHash'> & { hasPassword: boolean };
export type AdminRecord = { version: number; admin: AdminView };
export type ProfileRecord = { version: number; profile: PublicProfile };

/** A one-time link to set a password. */
export type InviteLink = { url: string; expiresAt: number };

/** What an invite link is for (`GET /api/invites/{token}`). */
export type InviteInfo = { role: 'agent' | 'admin'; setup: boolean; id: string | null; name: string | null };

/** A save refused: 409 (someone saved first; `current` is what they saved) or 400 (each problem on its field). */
export type SettingsIssue = { record: string | null; path: string; message: string };
export type ConflictBody = { error: 'CONFLICT'; message: string; current: unknown };
export type InvalidBody = { error: 'INVALID'; message: string; issues: SettingsIssue[] };

export type AvailabilityPreview = {
  visibleNow: boolean;
  /** When the answer changes next by the clock alone (in the coming week), or null. */
  nextChange: { at: number; visible: boolean } | null;
  /** The room's local time now, `HH:MM` and the weekday. */
  localTime: string;
};

export type AuditEntryView = { at: number; actor: string; action: string; changes: { path: string; from: unknown; to: unknown }[] };

/** `GET /api/admin/rooms/{room}/supervisor`: the room live. */
export type SupervisorView = {
  room: string;
  waiting: { conversationId: string; visitorName: string | null; waitingSince: number }[];
  agents: { id: string; name: string; browser: ClientStatuses['browser']; mobile: ClientStatuses['mobile'] }[];
  today: { chats: number; medianWaitMs: number | null; medianFirstResponseMs: number | null };
  /** Chats whose response target has passed, oldest breach first. */
  breaches: { conversationId: string; agentName: string | null; kind: 'first' | 'next'; dueAt: number }[];
  /** Chats whose visitor has waited for their agent past the room's "tell the supervisor" time, longest first. */
  quietAgents: { conversationId: string; agentName: string | null; since: number }[];
  now: number;
};

export type AvailabilityDraft = AvailabilityConfig;
