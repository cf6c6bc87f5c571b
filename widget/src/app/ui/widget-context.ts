import type { WidgetSettings } from '@parley/shared';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Strings } from '../../i18n/index.js';
import type { ChatController } from '../chat/chat-controller.js';
import type { ChatState } from '../chat/chat-state.js';

/** What every component may need: the controller (state and actions), the room's settings, its words. */
export type WidgetContextValue = {
  controller: ChatController;
  settings: WidgetSettings;
  strings: Strings;
  /** What agents are called in this room ("Agent", "Mechanic"). */
  role: string;
  layout: 'launcher' | 'page';
  /** Closes the window and gives focus back to the launcher. */
  close(): void;
};

/** What the window is opened with; the room's settings and the agents' role come from the chat state. */
export type ChatWindowValue = Omit<WidgetContextValue, 'settings' | 'role'>;

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('widget components need a WidgetContext');
  return value;
}

/** A controller's state, re-rendering on every change. */
export function useControllerState(controller: ChatController): ChatState {
  const [state, setState] = useState(controller.state);
  useEffect(() => {
    setState(controller.state);
    return controller.subscribe(setState);
  }, [controller]);
  return state;
}

/** The chat state, re-rendering on every change. */
export function useChatState(): ChatState {
  return useControllerState(useWidget().controller);
}
