// Progress output of the container harness. It goes to stderr so that it never mixes with TAP on stdout.

// Prints one progress line, prefixed with what it is about (an image, a container, the engine).
export function logProgress(subject: string, message: string): void {
  process.stderr.write(`# [containers] ${subject}: ${message}\n`);
}

// Prints a block of text (evidence, a log tail) under a heading, each line indented.
export function logBlock(heading: string, text: string): void {
  const body = text.trimEnd().split('\n').map((line) => `#   ${line}`).join('\n');
  process.stderr.write(`# [containers] ${heading}\n${body}\n`);
}
