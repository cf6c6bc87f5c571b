import { initials, nameHue } from '@parley/shared/avatar';

/** The agent who answers, as the console shows them: their initials on a colour of their own (decoration: their name is beside it). */
export function Avatar({ name }: { name: string }) {
  return (
    <span class="avatar" style={{ '--h': String(nameHue(name)) }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
