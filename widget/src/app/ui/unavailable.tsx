import { LeaveMessage } from './leave-message.js';
import { useWidget } from './widget-context.js';

/**
 * Shown instead of the welcome form while the room's availability rules say no. A room that lets
 * visitors leave a message shows that form here, and keeps its launcher meanwhile;
 * otherwise the launcher is hidden and only a page can open the window.
 */
export function Unavailable() {
  const { strings, settings } = useWidget();
  if (settings.email.leaveMessage) return <LeaveMessage />;
  return (
    <p class="notice" role="status">
      {strings.unavailable}
    </p>
  );
}
