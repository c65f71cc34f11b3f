"""SMTP servers on 127.0.0.1 for the site to send through: a real one (aiosmtpd) that keeps what
it receives, and a relay that accepts connections and never answers."""

import asyncio
import email
import socket
import threading
from email import policy


class Mailbox:
    """What a real SMTP server on 127.0.0.1 received, as parsed email messages."""

    def __init__(self):
        self.messages = []
        self.delay = 0  # seconds the server waits before accepting each message
        self.refuse = False
        self.receiving = 0
        self.most_at_once = 0  # the most messages it was receiving at the same time

    async def handle_DATA(self, server, session, envelope):
        self.receiving += 1
        self.most_at_once = max(self.most_at_once, self.receiving)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
        finally:
            self.receiving -= 1
        if self.refuse:
            return "550 5.7.1 Message refused"
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        message.envelope_recipients = envelope.rcpt_tos
        self.messages.append(message)
        return "250 OK"


def launch_smtp_server(handler, port):
    """An aiosmtpd server on 127.0.0.1:`port` handing what it receives to `handler`; returns
    its controller, started."""
    from aiosmtpd.controller import Controller

    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


class HangingRelay:
    """An SMTP relay that accepts connections and never says a word, as a blackholed or
    overloaded one does. Its `connections` stay open until it is closed."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while not self.stopped.is_set():
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)

    def close(self):
        self.stopped.set()
        self.thread.join(timeout=5)
        self.listener.close()
        for connection in self.connections:
            connection.close()
