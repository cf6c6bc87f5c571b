import type { PublicProfile } from '../config/email-config.js';
import type { RoomConfig } from '../config/room-config.js';

export type SenderProfile = { companyName: string; contactEmail: string | null };

/**
 * Seed 002's public profile for a room's emails: its own company name and contact email, each
 * falling back to the global profile's; with neither, the company name its widget shows, or its label.
 */
export function senderProfile(room: RoomConfig, global: PublicProfile | undefined): SenderProfile {
  return {
    companyName: room.publicProfile?.companyName ?? global?.companyName ?? room.companyName ?? room.label,
    contactEmail: room.publicProfile?.contactEmail ?? global?.contactEmail ?? null,
  };
}
