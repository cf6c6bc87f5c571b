/** File sizes in the visitor's language: 820 kB, 1.4 MB. */
export function formatBytes(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, Math.round(bytes / 1000)), 'kilobyte'];
  try {
    return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  } catch {
    return `${Math.round(value * 10) / 10} ${unit === 'megabyte' ? 'MB' : 'kB'}`;
  }
}

/** A message's time, as the visitor's clock shows it. */
export function formatTime(at: number, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(at);
  } catch {
    return new Date(at).toTimeString().slice(0, 5);
  }
}
