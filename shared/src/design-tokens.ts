/*
 * Parley's design tokens, one set for the widget and the consoles. A surface sets its palette as
 * `--pw-primary`, `--pw-on-primary`, `--pw-bg`, `--pw-text` and `--pw-font` (a room's theme does
 * it for the widget; the agent console picks the light or dark one below) and derives every other
 * colour from them the same way (`derivedTokens`), so one palette change reaches every shade.
 */

export type Palette = { primary: string; onPrimary: string; bg: string; text: string; danger: string };

/** The system font stack: the widget's default and the console's. */
export const SYSTEM_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The widget's default theme (a room that sets no colours), and the console's light theme. */
export const LIGHT_PALETTE: Palette = { primary: '#2456e8', onPrimary: '#ffffff', bg: '#ffffff', text: '#1d2330', danger: '#b3261e' };

/** The console's dark theme: the same hues, lightened to keep 4.5:1 on a dark ground. */
export const DARK_PALETTE: Palette = { primary: '#8aa8ff', onPrimary: '#0d1530', bg: '#151922', text: '#e7eaf1', danger: '#ff8a80' };

/** The palette as the custom properties a surface sets. */
export function paletteProperties(palette: Palette): Record<string, string> {
  return {
    '--pw-primary': palette.primary,
    '--pw-on-primary': palette.onPrimary,
    '--pw-bg': palette.bg,
    '--pw-text': palette.text,
    '--pw-danger': palette.danger,
  };
}

/** The shades every surface derives from its palette: muted text, lines, soft grounds. */
export function derivedTokens(selector: string): string {
  return (
    `${selector}{--pw-muted:color-mix(in srgb,var(--pw-text) 74%,var(--pw-bg));` +
    '--pw-line:color-mix(in srgb,var(--pw-text) 18%,var(--pw-bg));' +
    '--pw-soft:color-mix(in srgb,var(--pw-text) 7%,var(--pw-bg))}'
  );
}
