import { errorResponse } from './json-response.js';
import { SocketLimits } from './socket-limits.js';
import type { BodyAdmission, HttpRequest, HttpResponse, TransportOptions } from './transport.js';

export type BodyPass =
  | { ok: true; maxBytes: number; tooLarge: HttpResponse; spool: string | null; release: () => void }
  | { ok: false; response: HttpResponse; drain: boolean };

const TOO_LARGE: HttpResponse = errorResponse(413, 'TOO_LARGE', 'The request body is too large.');

/**
 * What both transports ask before reading a request's body: may it be sent at all (the route's
 * admission, from the headers), is its declared length within the limit, and is there room for
 * it in memory (bytes in flight per address and in all). A pass holds its bytes until `release`.
 */
export class BodyGate {
  private readonly byAddress = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly admit: TransportOptions['admitBody'],
    private readonly perAddress = SocketLimits.bodyBytesInFlightPerAddress,
    private readonly overall = SocketLimits.bodyBytesInFlight,
  ) {}

  /** `declared`: the Content-Length header as sent, if any. */
  async pass(request: HttpRequest, declared: string | undefined): Promise<BodyPass> {
    const admission: BodyAdmission = this.admit ? await this.admit(request) : { maxBytes: SocketLimits.maxHttpBodyBytes };
    const length = declared === undefined ? null : Number(declared);
    if ('refuse' in admission) {
      // Drained only when its length is known and within what any route takes.
      const drain = (admission.drain ?? false) && length !== null && length <= SocketLimits.maxHttpBodyBytes;
      return { ok: false, response: admission.refuse, drain };
    }
    if (length !== null && !(Number.isSafeInteger(length) && length >= 0)) {
      return { ok: false, response: errorResponse(400, 'BAD_REQUEST', 'Content-Length is not a length.'), drain: false };
    }
    const maxBytes = Math.min(admission.maxBytes, SocketLimits.maxHttpBodyBytes);
    const tooLarge = admission.tooLarge ?? TOO_LARGE;
    if (length !== null && length > maxBytes) return { ok: false, response: tooLarge, drain: false };
    const bytes = length ?? maxBytes;
    const address = request.remoteAddress;
    const held = this.byAddress.get(address) ?? 0;
    if (held + bytes > this.perAddress || this.total + bytes > this.overall) {
      return { ok: false, response: errorResponse(503, 'BUSY', 'Too many uploads at once; try again shortly.', { 'retry-after': '5' }), drain: false };
    }
    this.byAddress.set(address, held + bytes);
    this.total += bytes;
    let released = false;
    return {
      ok: true,
      maxBytes,
      tooLarge,
      spool: admission.spool ?? null,
      release: () => {
        if (released) return;
        released = true;
        this.total -= bytes;
        const left = (this.byAddress.get(address) ?? bytes) - bytes;
        if (left > 0) this.byAddress.set(address, left);
        else this.byAddress.delete(address);
      },
    };
  }

  static readonly tooLarge = TOO_LARGE;
}
