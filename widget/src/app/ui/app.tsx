import { themeProperties } from '../theme.js';
import { Panel } from './panel.js';
import { WidgetContext, type WidgetContextValue } from './widget-context.js';

/** The chat's root: the room's theme as custom properties, and the window. */
export function App({ value }: { value: WidgetContextValue }) {
  const { settings, layout } = value;
  return (
    <WidgetContext.Provider value={value}>
      <div class={`pw-root layout-${layout} side-${settings.launcherPosition}`} style={themeProperties(settings.theme)} lang={settings.language}>
        <Panel />
      </div>
    </WidgetContext.Provider>
  );
}
