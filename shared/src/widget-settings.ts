import { z } from 'zod';
import { EmailFeatures } from './email-features.js';
import { RoomName } from './ids.js';
import { AttachmentKind } from './message.js';
import { FIELD_RULES, WELCOME_FIELD_TYPES } from './welcome-form.js';

/*
 * `GET /api/rooms/{room}/widget`: what the widget needs to draw a room, and whether the room is
 * available now. Public (it is what every page of the site loads), so it holds nothing secret:
 * no stats key, no whitelist, no rules, only their outcome.
 */

/** Languages the widget speaks; a room picks one. */
export const WIDGET_LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export const WidgetLanguage = z.enum(WIDGET_LANGUAGES);
export type WidgetLanguage = z.infer<typeof WidgetLanguage>;

export const WelcomeFieldView = z.object({
  key: z.string(),
  type: z.enum(WELCOME_FIELD_TYPES),
  label: z.string(),
  placeholder: z.string().optional(),
  rule: z.enum(FIELD_RULES),
  options: z.array(z.string()).optional(),
  maxLength: z.number().int().positive().optional(),
});

/** Colours are `#rgb` or `#rrggbb`; the font is a CSS font-family list. */
export const WidgetTheme = z.object({
  primaryColor: z.string(),
  primaryTextColor: z.string(),
  backgroundColor: z.string(),
  textColor: z.string(),
  fontFamily: z.string(),
});
export type WidgetTheme = z.infer<typeof WidgetTheme>;

export const WidgetSettings = z.object({
  /** The room (or agent's private room) as named in the URL. */
  room: RoomName,
  label: z.string(),
  /** Whether the room's availability rules let visitors start a chat now. */
  available: z.boolean(),
  language: WidgetLanguage,
  routing: z.enum(['quickest-reply', 'sticky']),
  /** In an agent's private room: that agent's display name. */
  privateAgent: z.string().nullable(),
  branding: z.object({
    companyName: z.string().nullable(),
    logoUrl: z.string().nullable(),
    header: z.string(),
    subHeader: z.string().nullable(),
    /** A word from the team above the welcome form ("Hi! We usually answer within minutes."); null: none. */
    greeting: z.string().nullable().default(null),
    /** What agents are called ("Agent", "Doctor", "Tutor"); null means the language's word for agent. */
    agentRole: z.string().nullable(),
  }),
  theme: WidgetTheme,
  launcherPosition: z.enum(['right', 'left']),
  welcomeForm: z.array(WelcomeFieldView),
  features: z.object({
    emojis: z.boolean(),
    sounds: z.boolean(),
    titleNotifications: z.boolean(),
    /** False when the room hides typing previews: the widget then never sends the visitor's draft. */
    typingPreview: z.boolean(),
  }),
  attachments: z.object({
    visitor: z.boolean(),
    agent: z.boolean(),
    types: z.array(AttachmentKind),
    maxBytes: z.number().int().positive(),
  }),
  /** Extra links in the widget's menu ("Menu Options"). */
  menu: z.array(z.object({ label: z.string(), url: z.string() })),
  /** "Mobile Options": phone-sized screens offer to continue by SMS to this number. */
  smsNumber: z.string().nullable(),
  /** The email features offered here: all false when Parley sends no email. */
  email: EmailFeatures,
});
export type WidgetSettings = z.infer<typeof WidgetSettings>;
export type WelcomeFieldView = z.infer<typeof WelcomeFieldView>;
