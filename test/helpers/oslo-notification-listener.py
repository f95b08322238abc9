#!/usr/bin/python3
"""A real oslo.messaging notification listener: prints every notification it receives as one JSON line.

Usage: oslo-notification-listener.py TRANSPORT_URL EXCHANGE TOPIC
Prints {"listening": true} once the listener has started, then one line per notification:
{"priority", "publisher_id", "event_type", "payload", "metadata"}. Stops on SIGTERM or SIGINT.
"""
import json
import signal
import sys
import threading

from oslo_config import cfg
import oslo_messaging


class PrintingEndpoint(object):
    """Receives every priority oslo.messaging dispatches and prints it."""

    def _print(self, priority, publisher_id, event_type, payload, metadata):
        line = {'priority': priority, 'publisher_id': publisher_id, 'event_type': event_type,
                'payload': payload, 'metadata': metadata}
        sys.stdout.write(json.dumps(line) + '\n')
        sys.stdout.flush()
        return oslo_messaging.NotificationResult.HANDLED


def _method(priority):
    def handle(self, ctxt, publisher_id, event_type, payload, metadata):
        return self._print(priority, publisher_id, event_type, payload, metadata)
    return handle


for _priority in ('audit', 'debug', 'info', 'warn', 'error', 'critical', 'sample'):
    setattr(PrintingEndpoint, _priority, _method(_priority.upper()))


def main():
    url, exchange, topic = sys.argv[1:4]
    conf = cfg.ConfigOpts()
    conf([], project='reloadkit-test-listener')
    transport = oslo_messaging.get_notification_transport(conf, url=url)
    targets = [oslo_messaging.Target(topic=topic, exchange=exchange)]
    listener = oslo_messaging.get_notification_listener(transport, targets, [PrintingEndpoint()],
                                                        executor='threading')
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    listener.start()
    sys.stdout.write(json.dumps({'listening': True}) + '\n')
    sys.stdout.flush()
    stopped.wait()
    listener.stop()
    listener.wait()
    transport.cleanup()


if __name__ == '__main__':
    main()
