import type { ChatController } from './chat/chat-controller.js';

/**
 * A line beside the launcher ("Questions? We are here."), shown once the visitor has stayed on the
 * page a while, while the chat is closed and they have not started one. Clicking it opens the
 * chat; its cross puts it away for the rest of the visit. Text only, announced politely.
 */
export function showWhisper(root: ShadowRoot, controller: ChatController, text: string, closeLabel: string): void {
  const state = controller.state;
  if (state.open || state.conversation || dismissed()) return;
  const bubble = document.createElement('div');
  bubble.className = `whisper ${state.settings.launcherPosition}`;
  bubble.setAttribute('role', 'status');
  const open = document.createElement('button');
  open.type = 'button';
  open.className = 'whisper-text';
  open.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'whisper-close';
  close.setAttribute('aria-label', closeLabel);
  close.textContent = '×';
  bubble.append(open, close);
  root.appendChild(bubble);
  const remove = () => {
    unsubscribe();
    bubble.remove();
  };
  open.addEventListener('click', () => {
    remove();
    controller.setOpen(true);
  });
  close.addEventListener('click', () => {
    remember();
    remove();
  });
  const unsubscribe = controller.subscribe((now) => {
    if (now.open || now.conversation) remove();
  });
}

const KEY = 'parley:whisper-dismissed';

function dismissed(): boolean {
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

function remember(): void {
  try {
    sessionStorage.setItem(KEY, '1');
  } catch {
    // Storage unavailable: it may show again on the next page.
  }
}
