/*
 * The welcome form's rules ("Welcome Form", "Contact Form"), in one place for
 * both sides: the widget checks them before sending so the visitor is told at once, and the
 * server checks them again before it starts a conversation. Plain functions, no zod, so the
 * widget can import this file without carrying a schema library.
 */
import { isEmailAddress } from './email-address.js';

export const WELCOME_FIELD_TYPES = ['text', 'email', 'phone', 'textarea', 'select', 'checkbox'] as const;
export type WelcomeFieldType = (typeof WELCOME_FIELD_TYPES)[number];

/** `optional` and `required` fields are shown; `hidden` ones are not, but keep values set by `identify`. */
export const FIELD_RULES = ['optional', 'required', 'hidden'] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export type WelcomeField = {
  /** The answer's key, e.g. `name`; `name` is what agents see the visitor called. */
  key: string;
  type: WelcomeFieldType;
  /** Shown above the field, in the room's language. */
  label: string;
  /** Shown in the empty field, as an example of what to write. */
  placeholder?: string;
  rule: FieldRule;
  /** Select fields: the choices, shown and stored as written. */
  options?: string[];
  /** Longest answer in characters; defaults per type (see DEFAULT_MAX_LENGTH). */
  maxLength?: number;
};

export type FormValue = string | boolean;
export type FormValues = Record<string, FormValue>;

/** Why a field's answer was refused. The widget words each in the visitor's language. */
export type FieldProblem = 'required' | 'email' | 'phone' | 'tooLong' | 'option' | 'type' | 'unknown';
export type FieldIssue = { key: string; problem: FieldProblem };

export const DEFAULT_MAX_LENGTH: Record<WelcomeFieldType, number> = {
  text: 200,
  email: 254,
  phone: 30,
  textarea: 2000,
  select: 200,
  checkbox: 0,
};

/** Digits with the usual separators, an optional leading +, and 5 to 15 digits in all (E.164). */
const PHONE_CHARS = /^\+?[0-9 ().-]+$/;

/** The same rule as every address Parley emails (transcripts, alerts): the form's answer can be used for them. */
export function isEmail(value: string): boolean {
  return isEmailAddress(value);
}

export function isPhone(value: string): boolean {
  if (!PHONE_CHARS.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 15;
}

/** The first problem with one field's answer, or null when it passes. */
export function checkField(field: WelcomeField, value: FormValue | undefined): FieldProblem | null {
  if (field.type === 'checkbox') {
    if (value !== undefined && typeof value !== 'boolean') return 'type';
    return field.rule === 'required' && value !== true ? 'required' : null;
  }
  if (value !== undefined && typeof value !== 'string') return 'type';
  const text = (value ?? '').trim();
  if (text === '') return field.rule === 'required' ? 'required' : null;
  if (text.length > (field.maxLength ?? DEFAULT_MAX_LENGTH[field.type])) return 'tooLong';
  if (field.type === 'email' && !isEmail(text)) return 'email';
  if (field.type === 'phone' && !isPhone(text)) return 'phone';
  if (field.type === 'select' && !(field.options ?? []).includes(text)) return 'option';
  return null;
}

/** Every problem in a set of answers, in the form's order, then answers to fields the form does not have. */
export function checkWelcomeForm(fields: readonly WelcomeField[], answers: FormValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set<string>();
  for (const field of fields) {
    known.add(field.key);
    const problem = checkField(field, Object.hasOwn(answers, field.key) ? answers[field.key] : undefined);
    if (problem) issues.push({ key: field.key, problem });
  }
  for (const key of Object.keys(answers)) if (!known.has(key)) issues.push({ key, problem: 'unknown' });
  return issues;
}

/** The answers as stored: text trimmed, empty answers and unchecked optional boxes left out. */
export function cleanAnswers(fields: readonly WelcomeField[], answers: FormValues): FormValues {
  const clean: FormValues = {};
  for (const field of fields) {
    const value = Object.hasOwn(answers, field.key) ? answers[field.key] : undefined;
    if (typeof value === 'string' && value.trim() !== '') clean[field.key] = value.trim();
    if (value === true) clean[field.key] = true;
  }
  return clean;
}

const PROBLEM_TEXT: Record<FieldProblem, string> = {
  required: 'is required',
  email: 'must be an email address like name@example.com',
  phone: 'must be a phone number (digits, optionally starting with +)',
  tooLong: 'is too long',
  option: 'must be one of the listed choices',
  type: 'has the wrong type of answer',
  unknown: 'is not a field of this form',
};

/** An English sentence for the server's FORM_INVALID error, e.g. `Email: must be an email address…`. */
export function describeFormIssues(fields: readonly WelcomeField[], issues: readonly FieldIssue[]): string {
  return issues.map(({ key, problem }) => `${fields.find((f) => f.key === key)?.label ?? key.slice(0, 64)}: ${PROBLEM_TEXT[problem]}`).join('; ');
}
