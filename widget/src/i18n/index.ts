import type { WidgetLanguage } from '@parley/shared';
import type { LauncherStrings, Strings } from './en.js';
import * as en from './en.js';

export type { LauncherStrings, Strings } from './en.js';

export type Language = { strings: Strings; launcher: LauncherStrings };

/**
 * Every language a room can choose (the record type makes a missing one a type error). English
 * comes with the app; the others are small files loaded when a room asks for them, so no room
 * pays for the languages it does not speak.
 */
const LANGUAGES: Record<WidgetLanguage, () => Promise<Language>> = {
  en: () => Promise.resolve(en),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
};

export function loadLanguage(language: WidgetLanguage): Promise<Language> {
  return (LANGUAGES[language] ?? LANGUAGES.en)().catch(() => en);
}

/** Fills `{name}` placeholders. The result is plain text, rendered as text. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
