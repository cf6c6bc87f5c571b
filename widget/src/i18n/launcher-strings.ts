import type { WidgetLanguage } from '@parley/shared';
import { openChat as de } from './de.js';
import { openChat as en } from './en.js';
import { openChat as es } from './es.js';
import { openChat as fr } from './fr.js';

/** The launcher's name in every language: all the loader takes from the language files. */
export const OPEN_CHAT: Record<WidgetLanguage, string> = { en, fr, de, es };
