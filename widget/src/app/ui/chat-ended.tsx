import { useWidget } from './widget-context.js';

/**
 * The end of a conversation: it says so and offers a new chat. Further end-of-chat actions (an
 * emailed transcript, seed 000) belong beside that button.
 */
export function ChatEnded() {
  const { strings, controller } = useWidget();
  return (
    <div class="ended">
      <p>{strings.ended}</p>
      <button type="button" class="primary" onClick={() => controller.newChat()}>
        {strings.newChat}
      </button>
    </div>
  );
}
