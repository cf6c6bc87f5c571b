import type { WidgetSettings } from '@parley/shared';
import { adoptStyles } from '../styles.js';
import css from './launcher.css?inline';

/** A speech bubble. Built with DOM calls: no markup parsing, whatever the page's Trusted Types policy. */
const BUBBLE = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';

export function svgIcon(path: string, className: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  const shape = document.createElementNS(ns, 'path');
  shape.setAttribute('d', path);
  svg.appendChild(shape);
  return svg;
}

/**
 * The widget's element on the page: `<parley-widget>` at the end of the body, with an open shadow
 * root (assistive technology and the page's own test tools can see in; the page's CSS cannot).
 * In the launcher layout it holds the launcher button, in the room's colours; hidden while the
 * room is unavailable, unless visitors may leave a message then.
 */
export function drawWidget(settings: WidgetSettings, layout: 'launcher' | 'page', label: string): { root: ShadowRoot; launcher: HTMLButtonElement | null } {
  const element = document.createElement('parley-widget');
  const root = element.attachShadow({ mode: 'open' });
  adoptStyles(root, css);
  let launcher: HTMLButtonElement | null = null;
  if (layout === 'launcher') {
    launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = `launcher ${settings.launcherPosition}`;
    launcher.setAttribute('aria-label', label);
    launcher.setAttribute('aria-expanded', 'false');
    launcher.style.setProperty('--pw-primary', settings.theme.primaryColor);
    launcher.style.setProperty('--pw-on-primary', settings.theme.primaryTextColor);
    launcher.hidden = !(settings.available || settings.email.leaveMessage);
    launcher.appendChild(svgIcon(BUBBLE, 'when-closed'));
    root.appendChild(launcher);
  }
  document.body.appendChild(element);
  return { root, launcher };
}
