// How bench/reload-vs-alternatives measures, as it appears in docs/benchmarks.md.

/** The method paragraph of the section. */
export const METHOD = `The same small HTTP service (bench/service/: one "answer" driver whose answers carry the configured
value, the generation and the PID) runs on 127.0.0.1. An open-loop client sends a short request every
10 ms on a new connection (latency counted from the scheduled send time) and, 0.5 s before the change,
five long requests that hold the driver for 2 s. Then the configuration file is changed and applied:

- **reloadkit reload, overlap** — the runtime builds the new driver generation, switches new work to it
  at once and lets the old one finish its long requests (make-before-break). Triggered by \`kill -HUP\`
  or by the synchronous client (\`<service> reload --control-socket …\`, a new Node process, as an init
  system would run it; most of its time is Node's own start-up — compare the SIGHUP rows).
- **reloadkit reload, exclusive** — the same service with the driver declared \`exclusive\`: new work
  waits at the gate until the long requests have drained, then the new generation is built. The
  outcome (client result, notification file, READY=1) goes out before the gate reopens, so it no
  longer waits for the requests released from the gate (it did in runs before this was changed).
- **drain disabled (cut)** — overlap, but when \`reload.end\` arrives a listener in the bench service
  ends every operation still running on the replaced generation with an error (what a service does that
  closes its old pools or connections on SIGHUP without tracking work). \`reload_drain_timeout = 0\` is
  no such switch in this runtime: an exclusive reload with budget 0 is *aborted* while anything is in
  flight (nothing is applied), and an overlap reload never waits for the drain at all.
- **full restart** — SIGTERM (the runtime stops accepting and drains, within graceful_shutdown_timeout),
  wait for the exit, start the service again; the command returns when the new process is ready.
- **pm2 reload** — the same service as a plain Node app (bench/reload-vs-alternatives/pm2-app.cts, reads
  its configuration at start-up, stops gracefully on SIGINT) in cluster mode with two instances, pm2's
  defaults (kill_timeout 1600 ms); pm2 is installed by the benchmark into .cache/bench/pm2.

The *reload window* runs from the trigger until the change is complete: first answer with the new value
received, triggering command returned, every long request settled — and at least until the long requests
were due to end (trigger + 1.5 s), so that every way is measured over the same stretch. *Steady* is the
second before the trigger (first 200 ms of load dropped). Latency percentiles are of the answered
requests; failed ones are counted apart. *Mixed-answer window*: send time of the last request answered
with the old value minus send time of the first one answered with the new value (0 = once one request
sees the new configuration, no later one sees the old). *Short failed*: connection refused/reset,
non-200 or no answer within 10 s; *long lost*: long requests not answered 200. Resolution of the time
figures is the 10 ms request interval.`;
