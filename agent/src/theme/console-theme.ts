import { DARK_PALETTE, derivedTokens, LIGHT_PALETTE, type Palette, paletteProperties, SYSTEM_FONT } from '@parley/shared/design-tokens';

/** The agent's choice: follow the system (`auto`), or always light or dark. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

const KEY = 'parley:console-theme';

export function loadTheme(): ThemeChoice {
  try {
    const saved = localStorage.getItem(KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'auto';
  } catch {
    return 'auto';
  }
}

/** Kept in this browser, and applied at once. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'auto') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
  document.documentElement.dataset.theme = choice;
}

const declarations = (palette: Palette) =>
  Object.entries({ ...paletteProperties(palette), '--pw-font': SYSTEM_FONT })
    .map(([name, value]) => `${name}:${value}`)
    .join(';');

/**
 * The design tokens as the console's root custom properties: the light palette, the dark one
 * when the system prefers it (unless the agent chose light) or the agent chose it, and the shades
 * derived from either as the widget derives them.
 */
export function installTokens(): void {
  const css =
    `:root{${declarations(LIGHT_PALETTE)};color-scheme:light}` +
    `@media (prefers-color-scheme: dark){:root:not([data-theme=light]){${declarations(DARK_PALETTE)};color-scheme:dark}}` +
    `:root[data-theme=dark]{${declarations(DARK_PALETTE)};color-scheme:dark}` +
    derivedTokens(':root');
  // A constructed sheet, as the widget adds its own: the console's Content-Security-Policy allows
  // no inline <style>, and a sheet made through the CSSOM is not one.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
  document.documentElement.dataset.theme = loadTheme();
}
