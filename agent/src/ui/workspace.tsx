import { useEffect, useMemo, useState } from 'preact/hooks';
import { type AlertSettings, loadAlertSettings, saveAlertSettings } from '../alerts/alert-settings.js';
import { Ringer } from '../alerts/ringer.js';
import type { ConsoleController } from '../console/console-controller.js';
import { visitorLabel } from '../format/labels.js';
import { byUrgency } from '../format/response-clock.js';
import { capacityOf } from '../state/capacity.js';
import type { ChatTab } from '../state/console-state.js';
import { chooseTheme, loadTheme, type ThemeChoice } from '../theme/console-theme.js';
import { AlertToggles } from './alert-toggles.js';
import { Avatar } from './avatar.js';
import { ChatTabs } from './chat-tabs.js';
import { type ChatCommands, ChatView } from './chat-view.js';
import { ConnectionBanner } from './connection-banner.js';
import { EmailAlertToggle } from './email-alert-toggle.js';
import { useConsoleState, useNow } from './hooks.js';
import { NoticeList } from './notice-list.js';
import { OfferList } from './offer-list.js';
import { PresenceControl } from './presence-control.js';
import { QueuePanel } from './queue-panel.js';
import { SettingsMenu } from './settings-menu.js';
import { useShortcuts } from './shortcuts.js';
import { VisitorContext } from './visitor-context.js';

type Props = { controller: ConsoleController; onSignOut: () => void };

/** On a phone-sized screen one of these fills it; wider screens show all three side by side. */
type Screen = 'list' | 'chat' | 'details';

/** Whether a chat matches what the agent typed in the search box: the visitor's name, the room, or anything said. */
function matches(chat: ChatTab, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const said = chat.messages.map((m) => (m.kind === 'text' ? m.text : m.kind === 'file' ? m.file.name : '')).join('\n');
  return [visitorLabel(chat.conversation.visitor.name), chat.conversation.room, said].some((text) => text.toLowerCase().includes(needle));
}

/**
 * The signed-in console. A top bar (who, status, connection, settings); the inbox (incoming
 * chats, the agent's chats with search, the rooms' queues); the selected chat; the visitor's
 * details. On a phone the three are screens of their own: the list, the chat (with a way back
 * and to the details), the details.
 */
export function Workspace({ controller, onSignOut }: Props) {
  const { state, connection } = useConsoleState(controller);
  const now = useNow(1000);
  const [alerts, setAlerts] = useState<AlertSettings>(loadAlertSettings);
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme);
  const ringer = useMemo(() => new Ringer(alerts), []);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [endRequest, setEndRequest] = useState(0);
  const [query, setQuery] = useState('');
  const [screen, setScreen] = useState<Screen>('list');
  const connected = connection.state === 'ready';
  const capacity = capacityOf(state);
  const chat = state.chats.find((c) => c.conversation.id === state.selected) ?? null;
  const unread = state.chats.reduce((sum, c) => sum + c.unread, 0);
  const shown = byUrgency(state.chats).filter((c) => matches(c, query));

  useEffect(() => ringer.update(state.offers.length, unread), [state.offers.length, unread]);
  useEffect(() => () => ringer.dispose(), []);
  // A chat chosen (or just accepted) is what a phone shows next; with none left, the list.
  useEffect(() => setScreen(state.selected ? 'chat' : 'list'), [state.selected]);

  const changeAlerts = (next: AlertSettings) => {
    setAlerts(next);
    saveAlertSettings(next);
    ringer.configure(next);
  };

  const shortcuts = useMemo(
    () => ({
      accept: () => controller.acceptOldest(),
      nextTab: () => controller.selectNext(),
      endChat: () => setEndRequest((n) => n + 1),
    }),
    [controller],
  );
  useShortcuts(shortcuts);

  const commands: ChatCommands = {
    onSend: (id, text) => controller.sendMessage(id, text),
    onNote: (id, text) => controller.addNote(id, text),
    onTransfer: (id, to, label, note) => controller.transfer(id, to, label, note),
    onDisposition: (id, code, note) => controller.giveResult(id, code, note),
    onLead: (id, to) => controller.sendLead(id, to),
    onTyping: (id, text) => controller.typing(id, text),
    onFile: (id, file) => controller.upload(id, file),
    onEnd: (id) => controller.end(id),
    onClose: (id) => controller.closeTab(id),
    onRetry: (id, clientId) => controller.retry(id, clientId),
    onDiscard: (clientId) => controller.discard(clientId),
  };
  const agentName = state.agent?.name ?? '';

  return (
    <div class={`workspace client-${state.client}`} data-screen={screen}>
      <header class="topbar">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            P
          </span>
          <h1>
            Parley <span class="sr-only">agent console</span>
          </h1>
          {agentName && (
            <span class="agent-name">
              <Avatar name={agentName} size="small" />
              <span class="agent-name-text">{agentName}</span>
            </span>
          )}
        </div>
        <PresenceControl
          client={state.client}
          statuses={state.statuses}
          capacity={capacity}
          connected={connected}
          onSetStatus={(s) => controller.setStatus(s)}
        />
        <ConnectionBanner connection={connection} now={now} onRetry={() => controller.retryNow()} />
        <SettingsMenu
          theme={theme}
          onTheme={(choice) => {
            setTheme(choice);
            chooseTheme(choice);
          }}
          onSignOut={onSignOut}
        >
          <AlertToggles settings={alerts} onChange={changeAlerts} />
          {state.preferences?.emailAlertsAvailable && (
            <EmailAlertToggle enabled={state.preferences.emailAlerts} connected={connected} onChange={(on) => controller.setEmailAlerts(on)} />
          )}
        </SettingsMenu>
      </header>
      <NoticeList notices={state.notices} onDismiss={(id) => controller.dismissNotice(id)} />
      {/* One main landmark whichever screen a phone shows: the three parts are regions of it. */}
      <main class="work">
        <nav class="inbox" aria-label="Incoming chats and queues">
          <OfferList offers={state.offers} rooms={state.rooms} past={state.past} now={now} canAccept={connected} onAccept={(id) => controller.accept(id)} />
          <section class="my-chats" aria-labelledby="my-chats-title">
            <h2 id="my-chats-title">
              Your chats <span class="count">({state.chats.length})</span>
            </h2>
            {state.chats.length > 1 && (
              <input
                type="search"
                class="search"
                aria-label="Search your chats"
                placeholder="Search by name or words"
                value={query}
                onInput={(event) => setQuery(event.currentTarget.value)}
              />
            )}
            {state.chats.length === 0 ? (
              <p class="empty">{state.offers.length > 0 ? 'Accept a chat to start.' : 'Your chats appear here.'}</p>
            ) : shown.length === 0 ? (
              <p class="empty">No chat matches “{query.trim()}”.</p>
            ) : (
              <ChatTabs
                chats={shown}
                selected={state.selected}
                now={now}
                onSelect={(id) => {
                  controller.select(id);
                  setScreen('chat');
                }}
              />
            )}
          </section>
          <QueuePanel queues={state.queues} rooms={state.rooms} now={now} />
        </nav>
        <section class="chats" aria-label="Chats">
          {chat ? (
            <>
              <div class="screen-nav">
                <button type="button" class="ghost" onClick={() => setScreen('list')}>
                  <span aria-hidden="true">← </span>
                  All chats{unread > 0 ? ` (${unread} unread)` : ''}
                  {/* On a phone the incoming chats are on the list's screen: say so from the chat's. */}
                  {state.offers.length > 0 && <strong class="incoming-count"> · {state.offers.length} incoming</strong>}
                </button>
                <button type="button" class="ghost" onClick={() => setScreen('details')}>
                  Visitor details
                </button>
              </div>
              <ChatView
                key={chat.conversation.id}
                chat={chat}
                room={state.rooms.find((r) => r.name === chat.conversation.room)}
                rooms={state.rooms}
                ownReplies={state.cannedReplies}
                agentName={agentName}
                token={controller.token}
                draft={drafts[chat.conversation.id] ?? ''}
                onDraft={(text) => setDrafts((all) => ({ ...all, [chat.conversation.id]: text }))}
                endRequest={endRequest}
                {...commands}
              />
            </>
          ) : (
            <div class="chats-empty">
              <p class="empty">
                {state.offers.length > 0 ? 'A visitor is waiting: accept their chat to start.' : 'No chat open. New chats ring and show on the left.'}
              </p>
            </div>
          )}
        </section>
        <section class="context" aria-label="Visitor details">
          {chat ? (
            <>
              <div class="screen-nav">
                <button type="button" class="ghost" onClick={() => setScreen('chat')}>
                  <span aria-hidden="true">← </span>
                  Back to the chat
                </button>
              </div>
              <VisitorContext
                conversation={chat.conversation}
                past={state.past[chat.conversation.id]}
                transcripts={state.transcripts}
                token={controller.token}
                now={now}
                onOpenTranscript={(id) => controller.openTranscript(id)}
              />
            </>
          ) : (
            <p class="empty">Details of the visitor in the selected chat appear here.</p>
          )}
        </section>
      </main>
    </div>
  );
}
