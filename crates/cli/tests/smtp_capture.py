"""A real SMTP server on 127.0.0.1 that keeps every mail it receives, for tests.

Usage: smtp_capture.py DIR
Binds a free port (port 0), prints "smtp: listening on 127.0.0.1:PORT" once ready, and writes
each accepted message to DIR/NNNN.eml (written to a temporary name, then renamed, so a reader
never sees half a mail). Ends when its standard input closes or on SIGTERM.
"""

import asyncio
import os
import signal
import stat
import sys
import threading

from aiosmtpd.smtp import SMTP


class Capture:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = os.path.join(self.directory, f"{self.count:04d}.eml")
        with open(name + ".tmp", "wb") as out:
            out.write(envelope.original_content or envelope.content)
        os.replace(name + ".tmp", name)
        return "250 Message accepted for delivery"


def watch_stdin(loop, stop):
    while os.read(sys.stdin.fileno(), 4096):
        pass
    loop.call_soon_threadsafe(stop.set)


async def main(directory):
    os.makedirs(directory, exist_ok=True)
    loop = asyncio.get_running_loop()
    capture = Capture(directory)
    server = await loop.create_server(
        lambda: SMTP(capture, hostname="capture.test"), host="127.0.0.1", port=0
    )
    port = server.sockets[0].getsockname()[1]
    print(f"smtp: listening on 127.0.0.1:{port}", flush=True)

    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    # When started with a pipe on standard input, its closing (the test that started us
    # ended, even by a crash) stops us too.
    if stat.S_ISFIFO(os.fstat(sys.stdin.fileno()).st_mode):
        threading.Thread(target=watch_stdin, args=(loop, stop), daemon=True).start()
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: smtp_capture.py DIR")
    asyncio.run(main(sys.argv[1]))
