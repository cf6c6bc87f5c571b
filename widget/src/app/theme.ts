import type { WidgetTheme } from '@parley/shared';

/**
 * The room's colours and font as CSS custom properties, set on the chat's root element. The
 * server only lets `#rgb`/`#rrggbb` colours and plain font lists through, and they are set with
 * the CSSOM (`style.setProperty`), so a value can never become more CSS.
 */
export function themeProperties(theme: WidgetTheme): Record<string, string> {
  return {
    '--pw-primary': theme.primaryColor,
    '--pw-on-primary': theme.primaryTextColor,
    '--pw-bg': theme.backgroundColor,
    '--pw-text': theme.textColor,
    '--pw-font': theme.fontFamily,
  };
}
