import type { ChatMessage, EventMessage } from '@parley/shared';
import { BottomKeeper } from '@parley/shared/client';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { format, type Strings } from '../../i18n/index.js';
import type { PendingText, UploadItem } from '../chat/chat-state.js';
import { Avatar } from './avatar.js';
import { FileView } from './file-view.js';
import { formatBytes, formatTime } from './format.js';
import { RichText } from './rich-text.js';
import { useWidget } from './widget-context.js';

/** A conversation event in words: "Alice joined the chat." */
export function eventText(message: EventMessage, strings: Strings, role: string): string {
  const name = message.name ?? role;
  switch (message.event) {
    case 'agent-joined':
      return format(strings.agentJoined, { name });
    case 'agent-left':
      return format(strings.agentLeft, { name });
    case 'visitor-ended':
      return strings.visitorEnded;
    case 'agent-ended':
      return format(strings.agentEnded, { name });
    case 'message-lost':
      return strings.messageLost;
    case 'idle-warning':
      return strings.idleWarning;
    case 'idle-closed':
      return strings.idleClosed;
    default:
      return strings.abandoned;
  }
}

/** Within this many pixels of the bottom, the list follows new messages. */
const FOLLOW_PX = 80;

type Props = { messages: readonly ChatMessage[]; pending: readonly PendingText[]; uploads: readonly UploadItem[] };

/**
 * The conversation: stored messages in sequence order, then the visitor's own messages still on
 * their way ("Sending…"), then files being uploaded with their progress. Everything is text or a
 * file; nothing is rendered as HTML. New lines scroll into view unless the visitor scrolled up.
 */
export function MessageList({ messages, pending, uploads }: Props) {
  const { strings, role, settings, controller } = useWidget();
  const scroller = useRef<HTMLDivElement>(null);
  const keeper = useRef<BottomKeeper | null>(null);

  // New lines, images that load after their line is drawn, and a keyboard that shrinks the list.
  useLayoutEffect(() => {
    const bottom = new BottomKeeper(scroller.current!, FOLLOW_PX);
    keeper.current = bottom;
    return () => bottom.stop();
  }, []);
  useLayoutEffect(() => keeper.current?.stick(), [messages.length, pending.length, uploads.length]);

  const time = (at: number) => formatTime(at, settings.language);
  // What was not sent stays where it was written, among the later messages, not pinned below them.
  const stuck: (PendingText | UploadItem)[] = [...pending.filter((p) => p.failed), ...uploads.filter((u) => u.problem)].sort((a, b) => a.at - b.at);
  let next = 0;
  const stuckBefore = (at: number) => {
    const rows = [];
    while (next < stuck.length && stuck[next]!.at < at) rows.push(unsentRow(stuck[next++]!));
    return rows;
  };
  const unsentRow = (item: PendingText | UploadItem) =>
    'text' in item ? (
      <li key={item.clientId} class={item.failed ? 'message mine failed' : 'message mine pending'}>
        <p class="who">
          <span class="sr-only">{strings.you}</span>
        </p>
        <div class="bubble">
          <RichText text={item.text} />
        </div>
        <p class="meta">{item.failed ? strings.notSent : strings.sending}</p>
      </li>
    ) : (
      <li key={item.clientId} class={item.problem ? 'message mine failed' : 'message mine pending'}>
        <div class="bubble">
          {/* A refused file shows by name: its preview may not be an image at all. */}
          {item.previewUrl && !item.problem ? <img src={item.previewUrl} alt={item.name} /> : item.name}
          {!item.problem && (
            <progress
              class="progress"
              max={100}
              value={Math.round(item.progress * 100)}
              aria-label={format(strings.uploading, { name: item.name, percent: Math.round(item.progress * 100) })}
            />
          )}
        </div>
        {item.problem && (
          <p class="meta" role="alert">
            {uploadProblemText(item, strings, settings)}{' '}
            <button type="button" class="download" onClick={() => controller.uploads.dismiss(item.clientId)}>
              {strings.dismiss}
            </button>
          </p>
        )}
      </li>
    );
  return (
    <div class="scroll" ref={scroller}>
      <ol class="messages" aria-label={strings.messages}>
        {messages.map((message) => {
          const before = stuckBefore(message.at);
          if (message.kind === 'event') {
            return [
              ...before,
              <li key={message.seq} class="event">
                {eventText(message, strings, role)}
              </li>,
            ];
          }
          const mine = message.from === 'visitor';
          return [
            ...before,
            <li key={message.seq} class={mine ? 'message mine sent' : 'message'} data-seq={message.seq}>
              <p class="who">
                {mine ? (
                  <span class="sr-only">{strings.you}</span>
                ) : (
                  <>
                    {message.name && <Avatar name={message.name} />}
                    {message.name ? `${message.name} · ${role}` : role}
                  </>
                )}
              </p>
              <div class="bubble">{message.kind === 'text' ? <RichText text={message.text} /> : <FileView file={message.file} />}</div>
              <p class="meta">
                {time(message.at)}
                {mine && ` · ${strings.sent}`}
              </p>
            </li>,
          ];
        })}
        {stuckBefore(Infinity)}
        {pending.filter((p) => !p.failed).map(unsentRow)}
        {uploads.filter((u) => !u.problem).map(unsentRow)}
      </ol>
    </div>
  );
}

function uploadProblemText(upload: UploadItem, strings: Strings, settings: ReturnType<typeof useWidget>['settings']): string {
  if (upload.problem === 'tooLarge')
    return format(strings.uploadTooLarge, { name: upload.name, max: formatBytes(settings.attachments.maxBytes, settings.language) });
  if (upload.problem === 'type') return format(strings.uploadType, { name: upload.name, types: settings.attachments.types.join(', ').toUpperCase() });
  return format(strings.uploadFailed, { name: upload.name });
}
