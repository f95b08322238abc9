// How bench/client-startup measures, as it appears in docs/benchmarks.md.

/** The method paragraph of the section. */
export const METHOD = `What \`service … reload\` and \`systemctl reload\` pay before the service even hears the request: the
start-up of the synchronous client. One cinder-volume runs (one fake backend); each round starts, one
after the other, \`node -e 0\` (Node.js's own start-up), the *floor* (bench/client-startup/floor-client.ts:
connect to the control socket, send \`{"command":"status"}\`, read the answer, exit — the least any
Node.js client can do), \`cinder-volume status --config-file F\` (the real client: parses its command
line, finds \`control_socket\` in the file, asks, prints) and \`cinder-volume reload --config-file F\` on an
unchanged file (the same, plus a whole reload). Each program's wall time is taken from spawn to exit,
its CPU time (user + system) by a preload that reports \`process.cpuUsage()\` at exit (the same preload in
every variant). *Over node -e 0* is the median of the per-round differences, which cancels most of the
noise of a shared machine.`;
