import type { WidgetSettings } from '@parley/shared';
import { format, type Strings } from '../i18n/index.js';
import type { ChatController } from './chat/chat-controller.js';
import { Chime } from './services/sounds.js';
import { TitleNotifier } from './services/title-notifier.js';

/**
 * Getting the visitor's attention when the agent writes and they are not looking (window closed,
 * page hidden or not focused): a chime and a title-bar notice, each if the room allows it.
 */
export class Attention {
  private readonly chime = new Chime();
  private readonly title = new TitleNotifier();

  constructor(
    private readonly controller: ChatController,
    private readonly features: WidgetSettings['features'],
    private readonly strings: Strings,
  ) {
    document.addEventListener('visibilitychange', this.looked);
    addEventListener('focus', this.looked);
  }

  agentWrote(): void {
    const { open } = this.controller.state;
    const looking = open && document.visibilityState === 'visible' && document.hasFocus();
    if (looking) return;
    if (this.features.sounds) this.chime.play();
    if (this.features.titleNotifications) this.title.show(format(this.strings.titleUnread, { n: Math.max(1, this.controller.state.unread) }));
  }

  /** The visitor is back: clear the notice once they see the chat. */
  readonly looked = () => {
    this.controller.markSeen();
    if (document.visibilityState === 'visible' && this.controller.state.open) this.title.clear();
  };
}
