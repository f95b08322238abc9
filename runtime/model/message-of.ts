// messageOf: the one way the runtime turns anything thrown into the text of a message.

/** An error's message, or the thrown value itself as text (code may throw strings or other values). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
