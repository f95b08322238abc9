// The one error class of the packaging pipeline: says what was being built and keeps the cause.

/** A packaging step failed; the message starts with what was being done. */
export class PackagingError extends Error {
  override name = 'PackagingError';
}

/** Wraps `cause` with what was being done: "cannot build cinder-volume.deb: <cause's message>". */
export function wrapError(doing: string, cause: unknown): PackagingError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PackagingError(`${doing}: ${reason}`, { cause });
}
