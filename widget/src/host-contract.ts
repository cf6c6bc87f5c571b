import type { WidgetSettings } from '@parley/shared';

/*
 * What the loader hands the chat app when it loads it. The loader is on every page and must stay
 * tiny; the app arrives later. Both sides import only types from here.
 */

/** What `Parley('identify', …)` tells the widget: prefills for the welcome form, by field key. */
export type Identity = { name?: string; email?: string; fields?: Record<string, string | boolean> };

/** Commands from the host page, in the order it gave them. */
export type HostCommand = { type: 'open' } | { type: 'close' } | { type: 'identify'; identity: Identity };

/** Events the host page can listen to with `Parley('on', name, callback)`. */
export const HOST_EVENTS = ['ready', 'open', 'close', 'message', 'conversationStart', 'conversationEnd', 'availability'] as const;
export type HostEvent = (typeof HOST_EVENTS)[number];

export interface WidgetHost {
  /** Parley's base URL with a trailing slash, e.g. `https://chat.example.com/`. */
  readonly base: string;
  readonly room: string;
  readonly settings: WidgetSettings;
  /** `launcher`: a button at the bottom of the page; `page`: the hosted chat page, full-page and open. */
  readonly layout: 'launcher' | 'page';
  /**
   * The script tag's `data-` options, as written (see EmbedOptions): `data-position`,
   * `data-open-after`, `data-whisper`, `data-whisper-after`. The loader applies the position.
   */
  readonly options: Readonly<Record<string, string | undefined>>;
  /** The widget's shadow root; nothing of the app lives outside it. */
  readonly root: ShadowRoot;
  /** The launcher button the loader drew; the app takes it over (so focus never jumps when it arrives). */
  readonly launcher: HTMLButtonElement | null;
  emit(event: HostEvent, payload?: unknown): void;
  /** Receives the host page's commands: those given before the app arrived first, then live ones. */
  onCommand(handler: (command: HostCommand) => void): void;
}

/** The app module's only export the loader uses; it resolves once the app is on screen. */
export type MountApp = (host: WidgetHost) => Promise<void>;
