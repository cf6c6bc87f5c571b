/** Send "typing" at most this often while the agent keeps typing. */
const REPEAT_MS = 2500;
/** Say "stopped" after this long without a keystroke. */
const IDLE_MS = 4000;

/**
 * Turns keystrokes into few typing frames: one when typing starts (repeated every few seconds
 * while it goes on), one when it stops, by pause, by sending or by leaving the chat. The agent's
 * draft is never sent: visitors see only that the agent is typing.
 */
export class TypingSignal {
  private readonly lastSent = new Map<string, number>();
  private readonly idle = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly send: (conversationId: string, active: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  keystroke(conversationId: string, hasText: boolean): void {
    if (!hasText) return this.stop(conversationId);
    const last = this.lastSent.get(conversationId);
    if (last === undefined || this.now() - last >= REPEAT_MS) {
      this.lastSent.set(conversationId, this.now());
      this.send(conversationId, true);
    }
    clearTimeout(this.idle.get(conversationId));
    this.idle.set(
      conversationId,
      setTimeout(() => this.stop(conversationId), IDLE_MS),
    );
  }

  stop(conversationId: string): void {
    clearTimeout(this.idle.get(conversationId));
    this.idle.delete(conversationId);
    if (!this.lastSent.delete(conversationId)) return;
    this.send(conversationId, false);
  }

  dispose(): void {
    for (const timer of this.idle.values()) clearTimeout(timer);
    this.idle.clear();
  }
}
