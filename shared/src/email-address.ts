/*
 * What Parley accepts as an email address it sends to: a plain `local@domain`, nothing that a
 * mail header could read as more (no display name, quotes, commas, angle brackets, spaces or line
 * breaks), so that an address can never add a recipient or a header. Plain functions, no zod, so
 * the widget can check an address as the visitor types it, by the same rule the server applies.
 */

/** Longest name a visitor may give when leaving a message. */
export const LEAVE_MESSAGE_NAME_MAX = 100;

/** RFC 5321's limits: 64 characters before the @, 254 in all. */
export const EMAIL_ADDRESS_MAX = 254;
const LOCAL_MAX = 64;

/** A dot-atom local part (RFC 5322 atext) and a host name with a top-level domain of letters. */
const ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function isEmailAddress(value: string): boolean {
  if (value.length > EMAIL_ADDRESS_MAX || !ADDRESS.test(value)) return false;
  return value.indexOf('@') <= LOCAL_MAX;
}

/**
 * The address lists: several addresses separated by semicolons, e.g.
 * `sales@example.com; boss@example.com`. Returns the addresses, trimmed, empty entries left out.
 */
export function splitAddressList(list: string): string[] {
  return list
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
