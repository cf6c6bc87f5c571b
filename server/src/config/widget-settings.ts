import type { EmailFeatures, WidgetSettings } from '@parley/shared';
import { publicSettings } from '@parley/shared/settings';
import type { Directory, RoomEntry } from './directory.js';

/** The public settings of a room name as visitors use it (a room, or an agent's private room). */
export function widgetSettings(name: string, entry: RoomEntry, available: boolean, directory: Directory, email: EmailFeatures): WidgetSettings {
  const privateAgent = entry.privateFor === null ? null : (directory.agent(entry.privateFor)?.name ?? null);
  return publicSettings(entry.room, { name, privateAgent, available, email });
}
