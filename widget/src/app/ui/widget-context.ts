import type { WidgetSettings } from '@parley/shared';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ChatController } from '../chat/chat-controller.js';
import type { ChatState } from '../chat/chat-state.js';
import type { Strings } from '../../i18n/index.js';

/** What every component may need: the controller (state and actions), the room, its words. */
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

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('widget components need a WidgetContext');
  return value;
}

/** The chat state, re-rendering on every change. */
export function useChatState(): ChatState {
  const { controller } = useWidget();
  const [state, setState] = useState(controller.state);
  useEffect(() => {
    setState(controller.state);
    return controller.subscribe(setState);
  }, [controller]);
  return state;
}
