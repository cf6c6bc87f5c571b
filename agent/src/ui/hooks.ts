import { useEffect, useState } from 'preact/hooks';
import type { Connection, ConsoleController } from '../console/console-controller.js';
import type { ConsoleState } from '../state/console-state.js';

/** The controller's state, re-rendering on every change. */
export function useConsoleState(controller: ConsoleController): { state: ConsoleState; connection: Connection } {
  const [snapshot, setSnapshot] = useState(() => ({ state: controller.getState(), connection: controller.getConnection() }));
  useEffect(() => {
    const refresh = () => setSnapshot({ state: controller.getState(), connection: controller.getConnection() });
    refresh();
    return controller.subscribe(refresh);
  }, [controller]);
  return snapshot;
}

/** The current time, refreshed every `everyMs`, for "waiting 3 min" and countdowns. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
