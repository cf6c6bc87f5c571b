/**
 * One way to say a size, wherever Parley says it (widget, consoles, the server's refusals,
 * emailed transcripts), so that a limit reads the same on both sides: 193 B, 820 KB, 10 MB, in
 * units of 1,024, with one decimal from a megabyte up. `language` only picks the decimal sign.
 */
export function formatBytes(bytes: number, language = 'en'): string {
  const [value, unit] =
    bytes < 1024 ? [bytes, 'B'] : bytes < 1024 * 1024 ? [Math.round(bytes / 1024), 'KB'] : [Math.round((bytes / 1024 / 1024) * 10) / 10, 'MB'];
  let number = String(value);
  try {
    number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  } catch {
    // An unknown language: the plain number.
  }
  return `${number} ${unit}`;
}
