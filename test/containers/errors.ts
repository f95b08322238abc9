// The one error class of the container harness: a message that says what failed and what to do.

// Thrown when the container harness cannot do what a test asked; `cause` keeps the lower-level error.
export class HarnessError extends Error {
  override name = 'HarnessError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
