import type { ErrorCode } from '@parley/shared';

/**
 * A refusal the client should hear about. The gateway turns it into an `error` frame in one
 * place; anything else thrown is a bug, logged and answered with INTERNAL.
 */
export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
