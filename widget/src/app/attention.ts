import { Chime } from '@parley/shared/client';
import { format, type Strings } from '../i18n/index.js';
import type { ChatController } from './chat/chat-controller.js';
import { TitleNotifier } from './services/title-notifier.js';

/**
 * Getting the visitor's attention when the agent writes and they are not looking (window closed,
 * page hidden or not focused): a chime and a title-bar notice, each if the room allows it.
 */
export class Attention {
  /** Two rising notes, soft: the visitor is on someone else's page. */
  private readonly chime = new Chime(
    [
      [0, 880],
      [0.12, 1320],
    ],
    0.12,
    0.25,
  );
  private readonly title = new TitleNotifier();

  constructor(
    private readonly controller: ChatController,
    private readonly strings: Strings,
  ) {
    document.addEventListener('visibilitychange', this.looked);
    addEventListener('focus', this.looked);
    // Opening the chat on a page that has the focus already fires neither event: it is a look too.
    let wasOpen = controller.state.open;
    controller.subscribe(({ open }) => {
      if (open && !wasOpen) this.looked();
      wasOpen = open;
    });
  }

  agentWrote(): void {
    const { open } = this.controller.state;
    const looking = open && document.visibilityState === 'visible' && document.hasFocus();
    if (looking) return;
    const { features } = this.controller.state.settings;
    if (features.sounds) this.chime.play();
    const n = Math.max(1, this.controller.state.unread);
    if (features.titleNotifications) this.title.show(format(n === 1 ? this.strings.titleUnread : this.strings.titleUnreadMany, { n }));
  }

  /** The visitor is back: clear the notice once they see the chat. */
  readonly looked = () => {
    this.controller.markSeen();
    if (document.visibilityState === 'visible' && this.controller.state.open) this.title.clear();
  };
}
