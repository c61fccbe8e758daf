import type { NetworkFailure } from './types.js';

/** A failure already put at its layer (a proxy's answer to CONNECT): passed on as it is. */
export class ClassifiedFailure extends Error {
  constructor(readonly failure: NetworkFailure) {
    super(failure.code);
  }
}
