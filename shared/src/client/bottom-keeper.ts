/**
 * Keeps a scrolling list at its newest (bottom) line while the reader is there, whatever makes it
 * move: a line added (`stick`), something in a line growing after it was drawn (an image that
 * loads), or the list itself getting shorter (a phone's keyboard opening). Scrolling up stops it;
 * coming back to the bottom resumes it. A scroll event of its own that lands after the content
 * grew again (an image loading between the scroll and its event) is not mistaken for the reader
 * scrolling up: only a position above the one it set is.
 */
export class BottomKeeper {
  private following = true;
  /** Where it last put the list, or -1: a scroll event above it is the reader's. */
  private placedAt = -1;
  private readonly resized: ResizeObserver | null;
  private readonly added: MutationObserver | null;

  constructor(
    private readonly scroller: HTMLElement,
    /** Within this many pixels of the bottom counts as at the bottom. */
    private readonly slackPx: number,
  ) {
    scroller.addEventListener('scroll', this.scrolled, { passive: true });
    if (typeof ResizeObserver === 'undefined' || typeof MutationObserver === 'undefined') {
      this.resized = null;
      this.added = null;
      return;
    }
    const resized = new ResizeObserver(() => this.stick());
    resized.observe(scroller);
    for (const child of Array.from(scroller.children)) resized.observe(child);
    // Parts of the list that appear later (its first pending message, say) are watched too.
    const added = new MutationObserver((records) => {
      for (const record of records) for (const node of Array.from(record.addedNodes)) if (node instanceof Element) resized.observe(node);
    });
    added.observe(scroller, { childList: true });
    this.resized = resized;
    this.added = added;
  }

  /** Brings the newest line into view, if the reader is following. */
  stick(): void {
    if (!this.following) return;
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.placedAt = this.scroller.scrollTop;
  }

  stop(): void {
    this.scroller.removeEventListener('scroll', this.scrolled);
    this.resized?.disconnect();
    this.added?.disconnect();
  }

  private readonly scrolled = (): void => {
    const { scrollHeight, scrollTop, clientHeight } = this.scroller;
    if (scrollHeight - scrollTop - clientHeight < this.slackPx) this.following = true;
    else if (scrollTop < this.placedAt - 1 || this.placedAt < 0) this.following = false;
    else this.stick();
  };
}
