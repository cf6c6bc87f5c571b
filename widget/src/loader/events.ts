import type { HostEvent } from '../host-contract.js';

type Handler = (payload: unknown) => void;

export type HostEvents = {
  on(name: string, handler: Handler): void;
  off(name: string, handler: Handler): void;
  emit(name: HostEvent, payload?: unknown): void;
};

/**
 * The host page's listeners (`Parley('on', name, callback)`). A listener that throws does not
 * stop the widget or other listeners; its error still reaches the console. `ready` is remembered:
 * a listener added after it fired is called at once.
 */
export function hostEvents(): HostEvents {
  const handlers = new Map<string, Handler[]>();
  let ready: { payload: unknown } | null = null;
  const call = (handler: Handler, payload: unknown) => {
    try {
      handler(payload);
    } catch (error) {
      // The host page's bug, reported to its console without breaking the widget.
      setTimeout(() => {
        throw error;
      });
    }
  };
  return {
    on(name, handler) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
      if (name === 'ready' && ready) call(handler, ready.payload);
    },
    off(name, handler) {
      handlers.set(
        name,
        (handlers.get(name) ?? []).filter((h) => h !== handler),
      );
    },
    emit(name, payload) {
      if (name === 'ready') ready = { payload };
      for (const handler of handlers.get(name) ?? []) call(handler, payload);
    },
  };
}
