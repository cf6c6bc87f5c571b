import type { EmailFeatures } from '../email-features.js';
import type { WidgetSettings } from '../widget-settings.js';
import type { RoomConfig } from './room-config.js';

/**
 * A room's public settings, as the widget draws it: what the settings request answers and the
 * admin console's preview shows. An agent's private room shares its first room's settings and
 * is headed with the agent's name unless the room sets a header.
 */
export function publicSettings(
  room: RoomConfig,
  options: { name: string; privateAgent: string | null; available: boolean; email: EmailFeatures },
): WidgetSettings {
  const { name, privateAgent, available, email } = options;
  return {
    room: name,
    label: room.label,
    available,
    language: room.language,
    routing: privateAgent === null ? room.routing : 'quickest-reply',
    privateAgent,
    branding: {
      companyName: room.companyName ?? null,
      logoUrl: room.logoUrl ?? null,
      header: room.header ?? privateAgent ?? room.label,
      subHeader: room.subHeader ?? null,
      greeting: room.greeting ?? null,
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
