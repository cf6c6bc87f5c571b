import { z } from 'zod';
import { LIGHT_PALETTE, SYSTEM_FONT } from '../design-tokens.js';
import { Limits } from '../limits.js';
import { FIELD_RULES, WELCOME_FIELD_TYPES, type WelcomeField } from '../welcome-form.js';
import { WIDGET_LANGUAGES } from '../widget-settings.js';

/*
 * How a room's widget looks and behaves (the Web Chat tab, the contact form). Every
 * setting has a default, so a room without any of them gets a working, neutral widget.
 */

const bool = (fallback: boolean) => z.boolean({ error: 'must be true or false' }).default(fallback);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** `#rgb` or `#rrggbb` only: the value ends up in CSS, so nothing else gets through. */
const Color = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a colour like #1a73e8 or #fff');

/** A CSS font-family list: names, quotes, commas, spaces and hyphens, nothing that could end the declaration. */
const FontFamily = z
  .string()
  .max(200, 'must be at most 200 characters')
  .regex(/^[A-Za-z0-9 ,'"-]+$/, 'must be a font-family list such as "Inter, Arial, sans-serif"');

const WebUrl = z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL' }).max(2048);
/** Menu links may also write an email or call. */
const LinkUrl = z.url({ protocol: /^(https?|mailto|tel)$/, error: 'must be an http(s), mailto: or tel: URL' }).max(2048);

const WelcomeFieldConfig = z
  .strictObject({
    /** The answer's key; `name` is how agents see the visitor called. */
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must be 1-64 letters, digits, _ or -, starting with a letter'),
    type: z.enum(WELCOME_FIELD_TYPES, { error: `must be one of ${WELCOME_FIELD_TYPES.join(', ')}` }),
    /** Shown above the field, in the room's language. */
    label: text(200),
    /** Shown in the empty field, as an example of what to write. */
    placeholder: text(200).optional(),
    /** `optional` (default), `required`, or `hidden` (not shown; keeps a value the page sets with identify). */
    rule: z.enum(FIELD_RULES, { error: `must be one of ${FIELD_RULES.join(', ')}` }).default('optional'),
    /** Select fields: the choices. */
    options: z.array(text(200)).min(1, 'must list at least one choice').max(50, 'must list at most 50 choices').optional(),
    /** Longest answer in characters. */
    maxLength: z.number().int().min(1).max(Limits.formValue, `must be at most ${Limits.formValue}`).optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === 'select' && !field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'is required for a select field' });
    if (field.type !== 'select' && field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only select fields have options' });
  });

const DEFAULT_WELCOME_FORM: WelcomeField[] = [
  { key: 'name', type: 'text', label: 'Name', rule: 'optional' },
  { key: 'email', type: 'email', label: 'Email', rule: 'optional' },
];

const WelcomeFormConfig = z
  .array(WelcomeFieldConfig)
  .max(Limits.formFields, `must have at most ${Limits.formFields} fields`)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((field, index) => {
      if (seen.has(field.key)) ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `${field.key} is used twice` });
      seen.add(field.key);
    });
  })
  .default(DEFAULT_WELCOME_FORM);

const ThemeConfig = z
  .strictObject({
    /** Launcher, header, the visitor's messages and buttons. */
    primaryColor: Color.default(LIGHT_PALETTE.primary),
    /** Text on the primary colour. */
    primaryTextColor: Color.default(LIGHT_PALETTE.onPrimary),
    /** The chat window. */
    backgroundColor: Color.default(LIGHT_PALETTE.bg),
    /** Text in the chat window. */
    textColor: Color.default(LIGHT_PALETTE.text),
    /** Font of the chat window; the default is the visitor's system font. */
    fontFamily: FontFamily.default(SYSTEM_FONT),
  })
  .prefault({});

const MenuItem = z.strictObject({ label: text(60), url: LinkUrl });

/** The widget's settings, spread into the room's schema (room-config.ts). */
export const WIDGET_FIELDS = {
  /** Language of the widget's own words: `en` (default), `fr`, `de` or `es`. */
  language: z.enum(WIDGET_LANGUAGES, { error: `must be one of ${WIDGET_LANGUAGES.join(', ')}` }).default('en'),
  /** "Company Name, Logo, Header and Sub-header". The header defaults to the room's label. */
  companyName: text(80).optional(),
  logoUrl: WebUrl.optional(),
  header: text(80).optional(),
  subHeader: text(160).optional(),
  /** A word from the team the visitor reads before the welcome form, as the first line of the chat. */
  greeting: text(300).optional(),
  /** "Agent Role": what visitors see agents called ("Doctor", "Tutor"); default the language's "Agent". */
  agentRole: text(40).optional(),
  /** "Web Chat Colors" and "Web Chat Fonts". */
  theme: ThemeConfig,
  /** The launcher sits at the bottom right (default) or bottom left. */
  launcherPosition: z.enum(['right', 'left'], { error: 'must be "right" or "left"' }).default('right'),
  /** "Welcome Form": fields asked before the chat, in order. Default: optional name and email. */
  welcomeForm: WelcomeFormConfig,
  /** "Emojis": an emoji picker in the message box. */
  emojis: bool(true),
  /** "Play Sounds": a short sound when the agent writes. */
  playSounds: bool(true),
  /** "Title Bar Notifications": the page's title shows unread agent messages while the visitor looks elsewhere. */
  titleNotifications: bool(true),
  /** "Menu Options": extra links in the widget's menu. */
  menu: z.array(MenuItem).max(10, 'must have at most 10 links').default([]),
  /** "Mobile Options": on phone-sized screens, offer to continue by SMS to this number. */
  smsNumber: z
    .string()
    .regex(/^\+?[0-9 ().-]{3,24}$/, 'must be a phone number such as +1 555 010 0199')
    .optional(),
};
