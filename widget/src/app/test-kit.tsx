import type { VisitorServerFrame, WidgetSettings } from '@parley/shared';
import type { SocketLike } from '@parley/shared/client';
import { act, render } from '@testing-library/preact';
import { strings as english } from '../i18n/en.js';
import type { Strings } from '../i18n/index.js';
import { ChatController } from './chat/chat-controller.js';
import { App } from './ui/app.js';

/*
 * Component-test support: a room's settings, a WebSocket stand-in the test speaks for the server
 * through, and the whole chat window rendered around a real controller.
 */

export function roomSettings(overrides: Partial<WidgetSettings> = {}): WidgetSettings {
  return {
    room: 'GENERAL',
    label: 'General',
    available: true,
    language: 'en',
    routing: 'quickest-reply',
    privateAgent: null,
    branding: { companyName: null, logoUrl: null, header: 'General', subHeader: null, greeting: null, agentRole: null },
    theme: { primaryColor: '#2456e8', primaryTextColor: '#ffffff', backgroundColor: '#ffffff', textColor: '#1d2330', fontFamily: 'system-ui, sans-serif' },
    launcherPosition: 'right',
    welcomeForm: [{ key: 'name', type: 'text', label: 'Name', rule: 'optional' }],
    features: { emojis: true, sounds: false, titleNotifications: false, typingPreview: true },
    attachments: { visitor: true, agent: true, types: ['png', 'jpeg', 'gif', 'webp', 'pdf'], maxBytes: 10 * 1024 * 1024 },
    menu: [],
    smsNumber: null,
    email: { transcript: false, leaveMessage: false, alert: false },
    ...overrides,
  };
}

/** The server's side of the socket, played by the test. */
export class FakeSocket implements SocketLike {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly sent: { type: string; [key: string]: unknown }[] = [];

  send(text: string): void {
    this.sent.push(JSON.parse(text) as { type: string });
  }
  close(): void {
    this.onclose?.(new Event('close') as CloseEvent);
  }
  open(): void {
    this.onopen?.(new Event('open'));
  }
  /** A frame from the server; the window has re-rendered when this returns. */
  deliver(frame: VisitorServerFrame): void {
    act(() => this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame) })));
  }
}

export const CONVERSATION_ID = 'conversation-0000000001';

/** A page: a controller on a fake socket, connected, with the page visible. */
export function connectedPage() {
  const socket = new FakeSocket();
  const controller = new ChatController({
    base: 'https://chat.test/',
    room: 'GENERAL',
    settings: roomSettings(),
    notify: () => undefined,
    openSocket: () => socket,
    pageVisible: () => true,
  });
  controller.start();
  socket.open();
  return { socket, controller };
}

/** The chat window around a real controller whose socket is a FakeSocket, open and connected. */
export function renderChat(settings: WidgetSettings = roomSettings(), strings: Strings = english) {
  const socket = new FakeSocket();
  const controller = new ChatController({
    base: 'https://chat.test/',
    room: settings.room,
    settings,
    notify: () => undefined,
    openSocket: () => socket,
    pageVisible: () => true,
  });
  const view = render(<App value={{ controller, strings, layout: 'page', close: () => undefined }} />);
  act(() => {
    controller.start();
    socket.open();
  });
  return { ...view, controller, socket };
}
