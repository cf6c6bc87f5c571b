import { initials, nameHue } from '@parley/shared/avatar';

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
