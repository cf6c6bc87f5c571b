/** A moment as the room's people read it: their language, the room's time zone. */
export function localDate(at: number, language: string, timeZone: string, style: 'date-time' | 'time' = 'date-time'): string {
  const options: Intl.DateTimeFormatOptions = style === 'time' ? { timeStyle: 'short', timeZone } : { dateStyle: 'long', timeStyle: 'short', timeZone };
  return new Intl.DateTimeFormat(language, options).format(at);
}
