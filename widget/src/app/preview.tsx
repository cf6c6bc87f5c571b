import type { WidgetSettings } from '@parley/shared';
import type { SocketLike } from '@parley/shared/client';
import { derivedTokens } from '@parley/shared/design-tokens';
import { render } from 'preact';
import { type Language, loadLanguage } from '../i18n/index.js';
import launcherCss from '../loader/launcher.css?inline';
import { svgIcon } from '../loader/launcher.js';
import { adoptStyles } from '../styles.js';
import { ChatController } from './chat/chat-controller.js';
import css from './ui/app.css?inline';
import { App } from './ui/app.js';

/** A socket that never opens: the preview talks to no server. */
const INERT: SocketLike = { send() {}, close() {}, onopen: null, onmessage: null, onclose: null };
const BUBBLE = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';

export type WidgetPreview = {
  /** Shows other settings (an admin typing): theme, header, form, launcher, all at once. */
  update(settings: WidgetSettings): void;
  unmount(): void;
};

/**
 * The widget as a visitor would see it, drawn from settings that are not saved yet, in the admin
 * console beside the form that edits them. The same components, styles and controller as the
 * real widget, in a shadow root on `host`; it never connects. The host should contain fixed
 * positioning (CSS `contain: layout` or a transform) so the window and launcher stay inside it.
 */
export async function preview(host: HTMLElement, initial: WidgetSettings): Promise<WidgetPreview> {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  adoptStyles(root, launcherCss);
  adoptStyles(root, derivedTokens('.pw-root') + css);
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.tabIndex = -1;
  launcher.setAttribute('aria-hidden', 'true');
  launcher.appendChild(svgIcon(BUBBLE, 'when-closed'));
  const container = document.createElement('div');
  container.className = 'pw-mount';
  root.append(launcher, container);

  let language: Language = await loadLanguage(initial.language);
  const controller = new ChatController({
    base: 'https://preview.invalid/',
    room: initial.room,
    settings: { ...initial, available: true },
    notify: () => undefined,
    openSocket: () => INERT,
    pageVisible: () => true,
  });
  controller.setOpen(true);
  const draw = () => {
    const { settings } = controller.state;
    launcher.className = `launcher ${settings.launcherPosition} open`;
    launcher.style.setProperty('--pw-primary', settings.theme.primaryColor);
    launcher.style.setProperty('--pw-on-primary', settings.theme.primaryTextColor);
    render(<App value={{ controller, strings: language.strings, layout: 'launcher', close: () => undefined }} />, container);
  };
  draw();
  return {
    update(settings) {
      const languageChanged = settings.language !== controller.state.settings.language;
      controller.applySettings({ ...settings, available: true });
      if (!languageChanged) return draw();
      void loadLanguage(settings.language).then((next) => {
        language = next;
        draw();
      });
    },
    unmount() {
      render(null, container);
      root.replaceChildren();
    },
  };
}
