import type { WidgetSettings } from '@parley/shared';
import { readStored } from '@parley/shared/client';
import type { HostCommand, Identity, MountApp, WidgetHost } from '../host-contract.js';
import { OPEN_CHAT } from '../i18n/launcher-strings.js';
import { storageKeys } from '../storage-keys.js';
import { installCommandQueue, type ParleyFunction } from './command-queue.js';
import { hostEvents } from './events.js';
import { drawWidget } from './launcher.js';

/*
 * The script tag's code, on every page of the site: at most one small request (the room's public
 * settings and availability), a launcher in the room's colours, and the chat app only when the
 * visitor shows intent (hover, focus, touch or click on the launcher) or the browser is idle.
 * On a page the room does not allow, or when Parley cannot be reached, it stays silent.
 */

function start(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src || !('attachShadow' in Element.prototype) || !('fetch' in window)) return;
  const win = window as Window & { Parley?: ParleyFunction };

  const base = new URL('.', script.src).href;
  const room = script.getAttribute('data-room') || 'GENERAL';
  const layout = script.getAttribute('data-layout') === 'page' ? 'page' : 'launcher';
  const events = hostEvents();
  const backlog: HostCommand[] = [];
  let deliver: ((command: HostCommand) => void) | null = null;
  let loadApp = () => {};

  const command = (next: HostCommand) => (deliver ? deliver(next) : backlog.push(next));
  const installed = installCommandQueue(win, ([name, ...args]) => {
    if (name === 'on' && typeof args[1] === 'function') events.on(String(args[0]), args[1] as (payload: unknown) => void);
    else if (name === 'off' && typeof args[1] === 'function') events.off(String(args[0]), args[1] as (payload: unknown) => void);
    else if (name === 'identify' && args[0] && typeof args[0] === 'object') command({ type: 'identify', identity: args[0] as Identity });
    else if (name === 'open' || name === 'close') {
      command({ type: name });
      if (name === 'open') loadApp();
    }
  });
  if (!installed) return;

  const options = script.dataset;
  const ready = (settings: WidgetSettings) => {
    // The embed code may put the launcher on the other side than the room's setting.
    if (options.position === 'left' || options.position === 'right') settings.launcherPosition = options.position;
    const { root, launcher } = drawWidget(settings, layout, OPEN_CHAT[settings.language] ?? OPEN_CHAT.en);
    const host: WidgetHost = {
      base,
      room,
      settings,
      layout,
      options,
      root,
      launcher,
      emit: (name, payload) => events.emit(name, payload),
      onCommand(handler) {
        deliver = handler;
        for (const queued of backlog.splice(0)) handler(queued);
      },
    };
    let loading: Promise<void> | null = null;
    loadApp = () => {
      loading ??= import(/* @vite-ignore */ `${base}widget/${__PARLEY_APP__}`).then(
        (app: { mount: MountApp }) => app.mount(host),
        () => void (loading = null), // offline for a moment: the next intent tries again
      );
    };
    events.emit('ready', { available: settings.available });

    // Load at once for the hosted page, a visitor in a chat, or a page that already asked to open.
    if (layout === 'page' || readStored(storageKeys(base, room).active) || backlog.some((c) => c.type === 'open')) return loadApp();
    const button = launcher!;
    for (const intent of ['pointerenter', 'focus', 'touchstart']) button.addEventListener(intent, loadApp, { once: true, passive: true });
    const onClick = () => {
      if (deliver) return button.removeEventListener('click', onClick);
      command({ type: 'open' });
      loadApp();
    };
    button.addEventListener('click', onClick);
    const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(loadApp, { timeout: 5000 }) : setTimeout(loadApp, 2000));
    if (document.readyState === 'complete') whenIdle();
    else addEventListener('load', whenIdle, { once: true });
  };

  fetch(`${base}api/rooms/${encodeURIComponent(room)}/widget`, { credentials: 'omit' })
    .then((response) => (response.ok ? (response.json() as Promise<WidgetSettings>) : Promise.reject(response)))
    .then(
      (settings) => (document.body ? ready(settings) : addEventListener('DOMContentLoaded', () => ready(settings), { once: true })),
      () => {
        // Not allowed on this site, no such room, or Parley unreachable: no widget, no noise.
      },
    );
}

start();
