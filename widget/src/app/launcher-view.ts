import { svgIcon } from '../loader/launcher.js';

const CROSS = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z';

export type LauncherView = {
  visible: boolean;
  open: boolean;
  unread: number;
  label: string;
  /** The room's current look: an admin may change it while the page is open. */
  position: 'left' | 'right';
  primary: string;
  onPrimary: string;
};

/**
 * The launcher the loader drew, taken over by the app: a cross while the window is open, the
 * number of unread agent messages while it is closed, and a name that says both.
 */
export function takeOverLauncher(button: HTMLButtonElement): (view: LauncherView) => void {
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('aria-hidden', 'true');
  button.append(svgIcon(CROSS, 'when-open'), badge);
  return ({ visible, open, unread, label, position, primary, onPrimary }) => {
    button.hidden = !visible;
    button.className = `launcher ${position}${open ? ' open' : ''}`;
    button.style.setProperty('--pw-primary', primary);
    button.style.setProperty('--pw-on-primary', onPrimary);
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', label);
    badge.hidden = open || unread === 0;
    badge.textContent = unread > 9 ? '9+' : String(unread);
  };
}
