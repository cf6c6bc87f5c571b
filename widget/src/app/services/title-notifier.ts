/**
 * "Title Bar Notifications": while the visitor looks elsewhere, the page's title
 * alternates with "(2) New messages". The host page's own title comes back as soon as they look,
 * and a title the page changed meanwhile is never overwritten with an old one.
 */
export class TitleNotifier {
  private original: string | null = null;
  private ours = '';
  private timer: ReturnType<typeof setInterval> | null = null;

  show(text: string): void {
    if (this.original === null) this.original = document.title;
    const previous = this.ours;
    this.ours = text;
    if (this.timer) {
      // The count went up: the old notice is replaced now, or the next tick would take it for a
      // title the page set, and give it back when the visitor looks.
      if (document.title === previous) document.title = text;
      return;
    }
    this.timer = setInterval(() => {
      const current = document.title;
      // The page renamed itself meanwhile: that is the title to come back to.
      if (current !== this.ours && current !== this.original) this.original = current;
      document.title = current === this.ours ? (this.original ?? current) : this.ours;
    }, 1500);
    document.title = this.ours;
  }

  clear(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.original !== null && (document.title === this.ours || document.title === this.original)) document.title = this.original;
    this.original = null;
  }
}
