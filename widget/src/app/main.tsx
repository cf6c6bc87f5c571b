import { readStored } from '@parley/shared/client';
import { derivedTokens } from '@parley/shared/design-tokens';
import { render } from 'preact';
import type { HostCommand, WidgetHost } from '../host-contract.js';
import { format, type Language, loadLanguage } from '../i18n/index.js';
import { storageKeys } from '../storage-keys.js';
import { adoptStyles } from '../styles.js';
import { Attention } from './attention.js';
import { ChatController } from './chat/chat-controller.js';
import type { ChatEvent, ChatState } from './chat/chat-state.js';
import { embedOptions } from './embed-options.js';
import { takeOverLauncher } from './launcher-view.js';
import { afterPageTime, openOncePerVisit } from './page-timers.js';
import css from './ui/app.css?inline';
import { App } from './ui/app.js';
import { showWhisper } from './whisper.js';

/**
 * The chat app, loaded by the loader on intent or when the browser is idle. It takes over the
 * launcher the loader drew (so a focused launcher keeps its focus), connects to hear the room's
 * availability, and resumes the visitor's conversation if they have one.
 */
export function mount(host: WidgetHost): Promise<void> {
  return loadLanguage(host.settings.language).then((language) => start(host, language));
}

function start(host: WidgetHost, { strings, launcher: launcherStrings }: Language): void {
  const { settings, launcher } = host;
  adoptStyles(host.root, derivedTokens('.pw-root') + css);

  let attention: Attention | null = null;
  const notify = (event: ChatEvent) => {
    switch (event.type) {
      case 'message': {
        const { message } = event;
        if (message.kind === 'event') return;
        if (message.from === 'agent') attention?.agentWrote();
        host.emit('message', {
          from: message.from,
          kind: message.kind,
          text: message.kind === 'text' ? message.text : undefined,
          fileName: message.kind === 'file' ? message.file.name : undefined,
          at: message.at,
        });
        return;
      }
      case 'conversationStart':
        return host.emit('conversationStart', { conversationId: event.conversation.id });
      case 'conversationEnd':
        return host.emit('conversationEnd', { conversationId: event.conversation.id, endedBy: event.conversation.endedBy });
      case 'availability':
        return host.emit('availability', { available: event.available });
      default:
        return host.emit(event.type);
    }
  };
  const embed = embedOptions(host.options);
  const controller = new ChatController({ base: host.base, room: host.room, settings, notify, launcherPosition: embed.position });
  attention = new Attention(controller, strings);

  const close = () => {
    controller.setOpen(false);
    launcher?.focus();
  };
  if (launcher) {
    const show = takeOverLauncher(launcher);
    const sync = ({ open, unread, available, conversation, settings: now }: ChatState) => {
      const ongoing = conversation !== null && conversation.status !== 'ended';
      const label = open
        ? launcherStrings.close
        : unread === 0
          ? launcherStrings.open
          : unread === 1
            ? launcherStrings.unreadOne
            : format(launcherStrings.unreadMany, { n: unread });
      // A visitor in the middle of a chat keeps the launcher even when the room stops taking new
      // ones; a room that takes messages when nobody is available keeps it too.
      show({
        visible: available || ongoing || open || now.email.leaveMessage,
        open,
        unread,
        label,
        position: now.launcherPosition,
        primary: now.theme.primaryColor,
        onPrimary: now.theme.primaryTextColor,
      });
    };
    controller.subscribe(sync);
    sync(controller.state);
    launcher.addEventListener('click', () => controller.setOpen(!controller.state.open));
  }

  const commands: { [T in HostCommand['type']]: (command: Extract<HostCommand, { type: T }>) => void } = {
    open: () => controller.setOpen(true),
    close: () => controller.setOpen(false),
    identify: (command) => controller.identify(command.identity),
  };
  host.onCommand((command) => (commands[command.type] as (c: HostCommand) => void)(command));
  // The hosted page is always open; on a site, the window is as the visitor left it on the last page.
  if (host.layout === 'page' || readStored(storageKeys(host.base, host.room).open)) controller.setOpen(true);
  if (launcher) {
    const { whisper, whisperAfterMs, openAfterMs } = embed;
    if (whisper) afterPageTime(whisperAfterMs, () => showWhisper(host.root, controller, whisper, strings.close));
    if (openAfterMs !== null) afterPageTime(openAfterMs, () => openOncePerVisit(controller));
  }

  const container = document.createElement('div');
  container.className = 'pw-mount';
  host.root.appendChild(container);
  render(<App value={{ controller, strings, layout: host.layout, close }} />, container);
  controller.start();
}
