/**
 * A short two-note chime made with Web Audio: no sound file to download. Browsers only let a page
 * play sound after the visitor interacted with it; before that, `play` quietly does nothing.
 */
export class Chime {
  private context: AudioContext | null = null;

  play(): void {
    try {
      this.context ??= new AudioContext();
      const ctx = this.context;
      if (ctx.state === 'suspended') void ctx.resume();
      const start = ctx.currentTime;
      for (const [offset, frequency] of [[0, 880], [0.12, 1320]] as const) {
        const oscillator = ctx.createOscillator();
        const gain = ctx.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.12, start + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
        oscillator.connect(gain).connect(ctx.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + 0.3);
      }
    } catch {
      // No Web Audio, or not allowed yet: a chime is a nicety, never a reason to fail.
    }
  }
}
