/** The store could not be reached, did not answer in time or is out of memory; the API answers 503. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Redis answered and refused a command or failed a script (an `ERR …` reply). Once inputs are
 * validated this is a bug of ours, never an outage: the API answers a generic 500 and logs the detail.
 */
export class StoreCommandError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreCommandError';
  }
}

/**
 * A store was handed a value it cannot keep or use (a string that is not well-formed Unicode, a
 * range bound that is not a finite number), and refused it before writing anything. A bug of the
 * caller's validation, answered like {@link StoreCommandError}.
 */
export class InvalidStoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStoreInputError';
  }
}
