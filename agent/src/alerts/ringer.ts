import { Chime } from '@parley/shared/client';
import type { AlertSettings } from './alert-settings.js';

/** Chime again this often while chats wait to be accepted. */
const SOUND_EVERY_MS = 3000;
/** The title alternates this often while ringing. */
const FLASH_EVERY_MS = 1000;

export const BASE_TITLE = 'Parley agent console';

/**
 * Rings while offers wait: a chime (if sound is on) and a flashing title (if the title alert is
 * on), from the moment the first offer arrives until the last one is accepted or withdrawn. When
 * not ringing, the title counts unread messages.
 */
export class Ringer {
  private offers = 0;
  private unread = 0;
  private flashOn = false;
  private soundTimer: ReturnType<typeof setInterval> | null = null;
  private flashTimer: ReturnType<typeof setInterval> | null = null;
  /** Two falling notes, louder than the widget's: an agent may be across the room. */
  private readonly tone = new Chime(
    [
      [0, 880],
      [0.18, 660],
    ],
    0.25,
    0.16,
  );

  constructor(
    private settings: AlertSettings,
    private readonly doc: Document = document,
  ) {}

  /** Call whenever offers or unread counts may have changed. */
  update(offers: number, unread: number): void {
    const started = this.offers === 0 && offers > 0;
    const more = offers > this.offers;
    this.offers = offers;
    this.unread = unread;
    if (offers === 0) this.stopRinging();
    else if (started || more) this.startRinging();
    this.renderTitle();
  }

  configure(settings: AlertSettings): void {
    this.settings = settings;
    if (this.offers > 0) this.startRinging();
    this.renderTitle();
  }

  dispose(): void {
    this.stopRinging();
    this.tone.close();
    this.doc.title = BASE_TITLE;
  }

  private startRinging(): void {
    this.stopRinging();
    if (this.settings.sound) {
      this.tone.play();
      this.soundTimer = setInterval(() => this.tone.play(), SOUND_EVERY_MS);
    }
    if (this.settings.title) {
      this.flashOn = true;
      this.flashTimer = setInterval(() => {
        this.flashOn = !this.flashOn;
        this.renderTitle();
      }, FLASH_EVERY_MS);
    }
  }

  private stopRinging(): void {
    if (this.soundTimer) clearInterval(this.soundTimer);
    if (this.flashTimer) clearInterval(this.flashTimer);
    this.soundTimer = this.flashTimer = null;
    this.flashOn = false;
  }

  private renderTitle(): void {
    if (this.offers > 0 && this.settings.title && this.flashOn) {
      this.doc.title = `(${this.offers}) Incoming chat · ${BASE_TITLE}`;
    } else {
      this.doc.title = this.unread > 0 ? `(${this.unread}) ${BASE_TITLE}` : BASE_TITLE;
    }
  }
}
