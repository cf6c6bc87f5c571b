import { useEffect, useMemo, useState } from 'preact/hooks';
import { type AlertSettings, loadAlertSettings, saveAlertSettings } from '../alerts/alert-settings.js';
import { Ringer } from '../alerts/ringer.js';
import type { ConsoleController } from '../console/console-controller.js';
import { byUrgency } from '../format/response-clock.js';
import { capacityOf } from '../state/capacity.js';
import { AlertToggles } from './alert-toggles.js';
import { ChatTabs } from './chat-tabs.js';
import { type ChatCommands, ChatView } from './chat-view.js';
import { ConnectionBanner } from './connection-banner.js';
import { EmailAlertToggle } from './email-alert-toggle.js';
import { useConsoleState, useNow } from './hooks.js';
import { NoticeList } from './notice-list.js';
import { OfferList } from './offer-list.js';
import { PresenceControl } from './presence-control.js';
import { QueuePanel } from './queue-panel.js';
import { SHORTCUTS, useShortcuts } from './shortcuts.js';
import { VisitorContext } from './visitor-context.js';

type Props = { controller: ConsoleController; onSignOut: () => void };

/** The signed-in console: status and alerts on top; offers and queues, the chats, and the visitor's context side by side. */
export function Workspace({ controller, onSignOut }: Props) {
  const { state, connection } = useConsoleState(controller);
  const now = useNow(1000);
  const [alerts, setAlerts] = useState<AlertSettings>(loadAlertSettings);
  const ringer = useMemo(() => new Ringer(alerts), []);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [endRequest, setEndRequest] = useState(0);
  const connected = connection.state === 'ready';
  const capacity = capacityOf(state);
  const chat = state.chats.find((c) => c.conversation.id === state.selected) ?? null;
  const unread = state.chats.reduce((sum, c) => sum + c.unread, 0);

  useEffect(() => ringer.update(state.offers.length, unread), [state.offers.length, unread]);
  useEffect(() => () => ringer.dispose(), []);

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

  return (
    <div class={`workspace client-${state.client}`}>
      <header class="topbar">
        <h1 class="brand">
          Parley <span class="agent-name">{state.agent?.name ?? ''}</span>
        </h1>
        <PresenceControl
          client={state.client}
          statuses={state.statuses}
          capacity={capacity}
          connected={connected}
          onSetStatus={(s) => controller.setStatus(s)}
        />
        <AlertToggles settings={alerts} onChange={changeAlerts} />
        {state.preferences?.emailAlertsAvailable && (
          <EmailAlertToggle enabled={state.preferences.emailAlerts} connected={connected} onChange={(on) => controller.setEmailAlerts(on)} />
        )}
        <button type="button" class="sign-out" onClick={onSignOut}>
          Sign out
        </button>
        <ConnectionBanner connection={connection} now={now} onRetry={() => controller.retryNow()} />
        <NoticeList notices={state.notices} onDismiss={(id) => controller.dismissNotice(id)} />
      </header>
      <aside class="incoming" aria-label="Incoming chats and queues">
        <OfferList offers={state.offers} rooms={state.rooms} past={state.past} now={now} canAccept={connected} onAccept={(id) => controller.accept(id)} />
        <QueuePanel queues={state.queues} rooms={state.rooms} now={now} />
      </aside>
      <main class="chats" aria-label="Chats">
        {state.chats.length === 0 ? (
          <p class="empty chats-empty">{state.offers.length > 0 ? 'Accept a chat to start.' : 'Your chats appear here.'}</p>
        ) : (
          <>
            <ChatTabs chats={byUrgency(state.chats)} selected={state.selected} now={now} onSelect={(id) => controller.select(id)} />
            {chat && (
              <ChatView
                key={chat.conversation.id}
                chat={chat}
                room={state.rooms.find((r) => r.name === chat.conversation.room)}
                rooms={state.rooms}
                ownReplies={state.cannedReplies}
                agentName={state.agent?.name ?? ''}
                token={controller.token}
                draft={drafts[chat.conversation.id] ?? ''}
                onDraft={(text) => setDrafts((all) => ({ ...all, [chat.conversation.id]: text }))}
                endRequest={endRequest}
                {...commands}
              />
            )}
          </>
        )}
      </main>
      <aside class="context" aria-label="Visitor details">
        {chat ? (
          <VisitorContext
            conversation={chat.conversation}
            past={state.past[chat.conversation.id]}
            transcripts={state.transcripts}
            token={controller.token}
            now={now}
            onOpenTranscript={(id) => controller.openTranscript(id)}
          />
        ) : (
          <p class="empty">Details of the visitor in the selected chat appear here.</p>
        )}
      </aside>
      <footer class="shortcuts">
        <h2 class="sr-only">Keyboard shortcuts</h2>
        <ul>
          {SHORTCUTS.map((s) => (
            <li key={s.code}>
              <kbd>{s.keys}</kbd> {s.description}
            </li>
          ))}
        </ul>
      </footer>
    </div>
  );
}
