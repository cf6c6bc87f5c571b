import type { AdminConfig, PublicProfile, RoomConfig, StoredAgent } from '@parley/shared/settings';

/**
 * One applied change to the settings, before and after (null: it did not exist, or no longer
 * does), for whoever keeps something that depends on it: the hub, open widgets, consoles.
 */
export type SettingsChangeEvent =
  | { kind: 'room'; id: string; before: RoomConfig | null; after: RoomConfig | null }
  | { kind: 'agent'; id: string; before: StoredAgent | null; after: StoredAgent | null }
  | { kind: 'admin'; id: string; before: AdminConfig | null; after: AdminConfig | null }
  | { kind: 'profile'; id: string; before: PublicProfile | null; after: PublicProfile | null };
