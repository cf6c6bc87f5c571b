import { type FormAnswers, isEmailAddress, type WelcomeField } from '@parley/shared';

/** The address the visitor gave in the welcome form (its first email field answered), if Parley may send to it. */
export function welcomeFormEmail(form: FormAnswers, fields: readonly WelcomeField[]): string | null {
  for (const field of fields) {
    const answer = form[field.key];
    if (field.type === 'email' && typeof answer === 'string' && answer.trim() !== '') {
      const address = answer.trim();
      return isEmailAddress(address) ? address : null;
    }
  }
  return null;
}
