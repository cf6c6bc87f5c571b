/**
 * A conversation's client ids, for idempotent appends, without keeping the ids themselves: an
 * open-addressing table of 32-bit hashes to sequence numbers in typed arrays (8 bytes a slot,
 * outside the JavaScript heap, so the collector neither scans nor copies it). A hash says only
 * "maybe": `find` confirms each candidate with `clientIdOf`, which reads the stored message.
 */
export class ClientIdIndex {
  private hashes = new Uint32Array(16);
  /** 0: empty slot (sequence numbers start at 1). */
  private seqs = new Uint32Array(16);
  private count = 0;

  /** The sequence number stored with `clientId`, or 0. */
  find(clientId: string, clientIdOf: (seq: number) => string | undefined): number {
    const hash = hashOf(clientId);
    const mask = this.seqs.length - 1;
    for (let slot = hash & mask; this.seqs[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.hashes[slot] === hash) {
        const seq = this.seqs[slot]!;
        if (clientIdOf(seq) === clientId) return seq;
      }
    }
    return 0;
  }

  add(clientId: string, seq: number): void {
    if (seq > 0xffffffff) throw new Error('conversation too long for its client id index');
    if ((this.count + 1) * 2 > this.seqs.length) this.grow();
    this.place(hashOf(clientId), seq);
    this.count++;
  }

  private place(hash: number, seq: number): void {
    const mask = this.seqs.length - 1;
    let slot = hash & mask;
    while (this.seqs[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.seqs[slot] = seq;
  }

  private grow(): void {
    const { hashes, seqs } = this;
    this.hashes = new Uint32Array(seqs.length * 2);
    this.seqs = new Uint32Array(seqs.length * 2);
    for (let i = 0; i < seqs.length; i++) if (seqs[i] !== 0) this.place(hashes[i]!, seqs[i]!);
  }
}

/** FNV-1a over UTF-16 units: client ids are short ASCII. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
