import type { AlertSettings } from '../alerts/alert-settings.js';

type Props = { settings: AlertSettings; onChange: (settings: AlertSettings) => void };

/** The two ways an incoming chat rings, each switchable. */
export function AlertToggles({ settings, onChange }: Props) {
  return (
    <fieldset class="alert-toggles">
      <legend class="sr-only">When a chat comes in</legend>
      <label>
        <input type="checkbox" checked={settings.sound} onChange={(e) => onChange({ ...settings, sound: e.currentTarget.checked })} /> Ring with sound
      </label>
      <label>
        <input type="checkbox" checked={settings.title} onChange={(e) => onChange({ ...settings, title: e.currentTarget.checked })} /> Flash the title bar
      </label>
    </fieldset>
  );
}
