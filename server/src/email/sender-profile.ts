import type { PublicProfile, RoomConfig } from '@parley/shared/settings';

export type SenderProfile = { companyName: string; contactEmail: string | null };

/**
 * The public profile for a room's emails: its own company name and contact email, each
 * falling back to the global profile's; with neither, the company name its widget shows, or its label.
 */
export function senderProfile(room: RoomConfig, global: PublicProfile | undefined): SenderProfile {
  return {
    companyName: room.publicProfile?.companyName ?? global?.companyName ?? room.companyName ?? room.label,
    contactEmail: room.publicProfile?.contactEmail ?? global?.contactEmail ?? null,
  };
}
