/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (no line break may reach a header).
const LINE_BREAKERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Text that ends up in a mail header (names, subjects): line breaks and every other control
 * character become spaces, so nothing a visitor types can start a header of its own; then
 * whitespace is collapsed and the length capped. Nodemailer encodes what is left (RFC 2047).
 */
export function headerText(value: string, max = 200): string {
  const flat = value.replace(LINE_BREAKERS, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
