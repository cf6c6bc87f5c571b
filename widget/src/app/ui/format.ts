/** File sizes as the server says them (the same limit reads the same on both sides), with the visitor's decimal sign. */
export { formatBytes } from '@parley/shared';

/** A message's time, as the visitor's clock shows it. */
export function formatTime(at: number, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(at);
  } catch {
    return new Date(at).toTimeString().slice(0, 5);
  }
}
