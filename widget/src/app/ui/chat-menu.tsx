import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from './icons.js';
import { useChatState, useWidget } from './widget-context.js';

/** Phone-sized screens, where continuing by SMS makes sense ("Mobile Options"). */
const PHONE_SIZED = '(max-width: 600px)';

/**
 * The widget's menu ("Menu Options"): the room's links, "continue by SMS" on phones
 * when the room has a number, and ending the chat (confirmed by a second press). A disclosure: a button that shows a list of
 * links and buttons, all reachable with Tab; Escape closes it and returns to the button.
 */
export function ChatMenu() {
  const { settings, strings, controller } = useWidget();
  const { conversation } = useChatState();
  const [open, setOpen] = useState(false);
  // "End chat" asks once more ("Yes, end the chat") before it ends anything.
  const [sure, setSure] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const phone = typeof matchMedia === 'function' && matchMedia(PHONE_SIZED).matches;
  const sms = phone && settings.smsNumber ? `sms:${settings.smsNumber.replace(/[^\d+]/g, '')}` : null;
  const canEnd = conversation !== null && conversation.status !== 'ended';

  useEffect(() => {
    setSure(false);
    if (!open) return;
    const outside = (event: Event) => {
      if (!event.composedPath().includes(wrap.current!)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  if (settings.menu.length === 0 && !sms && !canEnd) return null;
  const done = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div
      class="menu-wrap"
      ref={wrap}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          done();
        }
      }}
    >
      <button
        type="button"
        class="icon-button"
        ref={button}
        aria-label={strings.menu}
        aria-expanded={open}
        aria-controls="pw-menu"
        onClick={() => setOpen(!open)}
      >
        <Icon name="menu" />
      </button>
      <ul class="menu" id="pw-menu" hidden={!open}>
        {settings.menu.map((item) => (
          <li key={item.url}>
            <a href={item.url} target="_blank" rel="noopener noreferrer">
              {item.label}
              <span class="sr-only"> {strings.opensInNewTab}</span>
            </a>
          </li>
        ))}
        {sms && (
          <li>
            <a href={sms}>{strings.continueBySms}</a>
          </li>
        )}
        {canEnd && (
          <li>
            <button
              type="button"
              onClick={() => {
                if (!sure) return setSure(true);
                controller.endConversation();
                done();
              }}
            >
              {sure ? strings.endChatSure : strings.endChat}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
