// How bench/cinder-reload measures, as it appears in docs/benchmarks.md.

/** The method paragraph of the section. */
export const METHOD = `Three fake storage backends run on 127.0.0.1 (backend_a's two addresses and backend_b) and
cinder-volume serves \`backend_a, backend_b\`. An open-loop client sends \`POST /v3/volumes\` (duration 0)
every 10 ms to each backend, and 0.5 s before the change five 2-second operations on backend_a. Then
backend_a's \`san_port\` is changed in the file and applied:

- **overlap (as shipped)** — the example cinder-volume: the new backend_a driver connects to the new
  port, new work switches to it at once, the old driver finishes its operations and is closed after
  the last (\`driver.retired\`). Triggered by \`kill -HUP\` or the synchronous \`cinder-volume reload\`.
- **exclusive** — the same service with the volume driver declared \`exclusive\`
  (bench/cinder-reload/exclusive-volume-service.ts): new work for backend_a waits at the gate while its
  operations drain, then the new driver connects.
- **full restart** — SIGTERM (cinder-volume drains, then exits 0), start again; "reload.end" is read as
  "new process ready".

*Failed*: requests to backend_b / backend_a / long operations not answered 200. *Longest in-flight*:
trigger → the last long operation answered. *Overhead beyond drain*: trigger → reload.end minus the
longest in-flight work when reload.end waits for it (exclusive, restart), or trigger → reload.end
itself when it does not (overlap). reload.end and driver.retired times come from the notification file;
*retired after old backend's last op* compares driver.retired with the last \`op.end\` in the old
backend's own log (the old driver is closed only after its last operation, so this is ≥ 0).
The *reload* latency window runs from the trigger until everything above has happened.`;
