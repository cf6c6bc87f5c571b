import type { Strings } from '../../i18n/index.js';

/** What the visitor is told when the server refuses an email request, by its error code. */
export function emailProblemText(code: string | null, strings: Strings): string {
  if (code === 'EMAIL_RATE_LIMITED') return strings.emailLimited;
  if (code === 'EMAIL_ADDRESS_INVALID' || code === 'BAD_FRAME') return strings.errorEmail;
  return strings.emailFailed;
}
