/** "Dana Scully" → "DS", "dana" → "D"; a name without letters or digits → "?". */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return '?';
  const first = [...words[0]!][0]!;
  const last = words.length > 1 ? [...words[words.length - 1]!][0]! : '';
  return (first + last).toUpperCase();
}

/** A hue from the name, so the same person always gets the same colour. */
export function nameHue(name: string): number {
  let hue = 0;
  for (const char of name) hue = (hue * 31 + char.codePointAt(0)!) % 360;
  return hue;
}

/**
 * Someone's initials on a colour of their own. Decoration: the name beside it says who it is,
 * so screen readers skip it. Dark enough for white letters at 4.5:1 whatever the hue.
 */
export function Avatar({ name, size = 'medium' }: { name: string; size?: 'small' | 'medium' | 'large' }) {
  return (
    <span class={`avatar avatar-${size}`} style={{ '--avatar-hue': String(nameHue(name)) }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
