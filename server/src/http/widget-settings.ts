import type { EmailFeatures, WidgetSettings } from '@parley/shared';
import type { Directory, RoomEntry } from '../hub/directory.js';

/**
 * A room's public settings, as the widget draws it. An agent's private room shares its first
 * room's settings (seed 002) and is headed with the agent's name unless the room sets a header.
 */
export function widgetSettings(name: string, entry: RoomEntry, available: boolean, directory: Directory, email: EmailFeatures): WidgetSettings {
  const { room } = entry;
  const privateAgent = entry.privateFor === null ? null : (directory.agent(entry.privateFor)?.name ?? null);
  return {
    room: name,
    label: room.label,
    available,
    language: room.language,
    routing: entry.privateFor === null ? room.routing : 'quickest-reply',
    privateAgent,
    branding: {
      companyName: room.companyName ?? null,
      logoUrl: room.logoUrl ?? null,
      header: room.header ?? privateAgent ?? room.label,
      subHeader: room.subHeader ?? null,
      agentRole: room.agentRole ?? null,
    },
    theme: room.theme,
    launcherPosition: room.launcherPosition,
    welcomeForm: room.welcomeForm,
    features: {
      emojis: room.emojis,
      sounds: room.playSounds,
      titleNotifications: room.titleNotifications,
      typingPreview: !room.hideTypingPreview,
    },
    attachments: {
      visitor: room.visitorAttachments,
      agent: room.agentAttachments,
      types: room.attachmentTypes,
      maxBytes: room.attachmentMaxBytes,
    },
    menu: room.menu,
    smsNumber: room.smsNumber ?? null,
    email,
  };
}
