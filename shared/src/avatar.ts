/*
 * Someone's avatar without a picture: their initials on a colour of their own. The agent console
 * shows visitors and agents so; the widget shows the agent who answers.
 */

/** "Dana Scully" → "DS", "dana" → "D", "<b>Bo</b>" → "B"; a name without letters or digits → "?". */
export function initials(name: string): string {
  // Each word's first letter or digit (a name may come with punctuation or markup around it).
  const letters = name.split(/\s+/).flatMap((word) => word.match(/[\p{L}\p{N}]/u) ?? []);
  if (letters.length === 0) return '?';
  return (letters[0]! + (letters.length > 1 ? letters[letters.length - 1]! : '')).toUpperCase();
}

/** A hue from the name, so the same person always gets the same colour. */
export function nameHue(name: string): number {
  let hue = 0;
  for (const char of name) hue = (hue * 31 + char.codePointAt(0)!) % 360;
  return hue;
}
