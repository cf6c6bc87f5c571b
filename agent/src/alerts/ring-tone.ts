/**
 * A two-note chime made with Web Audio: no sound file to load or to be blocked. Browsers start
 * audio only after the person has interacted with the page; until then `play` stays silent.
 */
export class RingTone {
  private context: AudioContext | null = null;

  play(): void {
    const Context = globalThis.AudioContext;
    if (!Context) return;
    this.context ??= new Context();
    const context = this.context;
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.18, 660]] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.17);
    }
  }

  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}
