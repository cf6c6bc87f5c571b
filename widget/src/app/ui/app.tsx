import { themeProperties } from '../theme.js';
import { Panel } from './panel.js';
import { type ChatWindowValue, useControllerState, WidgetContext } from './widget-context.js';

/**
 * The chat's root: the room's theme as custom properties, and the window. The room's settings
 * come from the chat state, so a change an admin saves shows at once.
 */
export function App({ value }: { value: ChatWindowValue }) {
  const { settings } = useControllerState(value.controller);
  const context = { ...value, settings, role: settings.branding.agentRole ?? value.strings.agent };
  return (
    <WidgetContext.Provider value={context}>
      <div class={`pw-root layout-${value.layout} side-${settings.launcherPosition}`} style={themeProperties(settings.theme)} lang={settings.language}>
        <Panel />
      </div>
    </WidgetContext.Provider>
  );
}
