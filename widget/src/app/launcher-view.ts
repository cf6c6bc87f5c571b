import { svgIcon } from '../loader/launcher.js';

const CROSS = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z';

export type LauncherView = { visible: boolean; open: boolean; unread: number; label: string };

/**
 * The launcher the loader drew, taken over by the app: a cross while the window is open, the
 * number of unread agent messages while it is closed, and a name that says both.
 */
export function takeOverLauncher(button: HTMLButtonElement): (view: LauncherView) => void {
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('aria-hidden', 'true');
  button.append(svgIcon(CROSS, 'when-open'), badge);
  return ({ visible, open, unread, label }) => {
    button.hidden = !visible;
    button.classList.toggle('open', open);
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', label);
    badge.hidden = open || unread === 0;
    badge.textContent = unread > 9 ? '9+' : String(unread);
  };
}
