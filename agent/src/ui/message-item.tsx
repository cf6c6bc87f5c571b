import type { ChatMessage } from '@parley/shared';
import { formatTime } from '../format/durations.js';
import { eventText } from '../format/labels.js';
import { AttachmentView } from './attachment-view.js';

type Props = { message: ChatMessage; token: string; visitorName: string };

/** One stored message or event. Text is rendered as text (Preact escapes it); nothing is parsed as HTML. */
export function MessageItem({ message, token, visitorName }: Props) {
  if (message.kind === 'event') {
    return (
      <li class="event" data-seq={message.seq}>
        <span>{eventText(message)}</span> <time dateTime={new Date(message.at).toISOString()}>{formatTime(message.at)}</time>
      </li>
    );
  }
  const author = message.from === 'visitor' ? visitorName : (message.name ?? 'You');
  return (
    <li class={`message from-${message.from}`} data-seq={message.seq}>
      <p class="message-meta">
        <span class="author">{author}</span> <time dateTime={new Date(message.at).toISOString()}>{formatTime(message.at)}</time>
      </p>
      {message.kind === 'text' ? <p class="message-text">{message.text}</p> : <AttachmentView file={message.file} token={token} />}
    </li>
  );
}
