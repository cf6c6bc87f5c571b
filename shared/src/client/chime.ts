/** A note: when it starts (seconds after the chime does) and its pitch (Hz). */
export type Note = readonly [offset: number, frequency: number];

/**
 * A short chime of a few notes made with Web Audio: no sound file to load or to be blocked.
 * Browsers let a page play sound only after the person interacted with it; before that, and
 * without Web Audio, `play` quietly does nothing.
 */
export class Chime {
  private context: AudioContext | null = null;

  constructor(
    private readonly notes: readonly Note[],
    /** Peak gain, 0 to 1. */
    private readonly volume: number,
    /** How long each note rings, in seconds. */
    private readonly length: number,
  ) {}

  play(): void {
    try {
      this.context ??= new AudioContext();
      const context = this.context;
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
      const start = context.currentTime;
      for (const [offset, frequency] of this.notes) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(this.volume, start + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + this.length);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + this.length + 0.01);
      }
    } catch {
      // No Web Audio, or not allowed yet: a chime is a nicety, never a reason to fail.
    }
  }

  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}
