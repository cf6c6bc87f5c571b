import { useEffect, useState } from 'preact/hooks';
import { format } from '../../i18n/index.js';
import type { ChatState } from '../chat/chat-state.js';
import { eventText } from './message-list.js';
import { useWidget } from './widget-context.js';

/**
 * Tells screen readers what is new, politely: the agent's messages and files, joins and ends,
 * and the place in the queue. History shown after a reload is not news, and the visitor's own
 * messages are not read back to them.
 */
export function Announcer({ state }: { state: ChatState }) {
  const { strings, role } = useWidget();
  const [text, setText] = useState('');

  useEffect(() => {
    const lines = state.news.messages.flatMap((message) => {
      if (message.kind === 'event') return [eventText(message, strings, role)];
      if (message.from !== 'agent') return [];
      const name = message.name ?? role;
      return [
        message.kind === 'text'
          ? format(strings.announceMessage, { name, text: message.text })
          : format(strings.announceFile, { name, file: message.file.name }),
      ];
    });
    if (lines.length > 0) setText(lines.join('\n'));
  }, [state.news.serial]);

  useEffect(() => {
    if (state.queuePosition !== null) setText(format(strings.queuePosition, { n: state.queuePosition }));
  }, [state.queuePosition]);

  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
