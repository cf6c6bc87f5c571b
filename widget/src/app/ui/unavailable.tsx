import { useWidget } from './widget-context.js';

/**
 * Shown instead of the welcome form while the room's availability rules say no (the launcher is
 * hidden then; a page can still open the window). Rooms that let visitors leave a message
 * (seed 002, the email feature) put that form here.
 */
export function Unavailable() {
  const { strings } = useWidget();
  return (
    <p class="notice" role="status">
      {strings.unavailable}
    </p>
  );
}
