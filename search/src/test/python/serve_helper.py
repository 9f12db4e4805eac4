"""A live `llmgs serve` on a free loopback port, for the client's tests.

The command comes from LLMGS_SERVE_COMMAND (a JSON array of argv; the JUnit runner passes the
test classpath's java, so no build is needed) or defaults to the repository's ./llmgs launcher;
`serve --port 0` and any extra arguments are appended, and the port is read from the line the
server prints once it listens.
"""

import atexit
import json
import os
import re
import subprocess
import tempfile
import threading
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
START_SECONDS = 120
_LISTENING = re.compile(r"listening at (http://\S+)")


def serve_command():
    raw = os.environ.get("LLMGS_SERVE_COMMAND")
    if not raw:
        return [os.path.join(ROOT, "llmgs")]
    argv = json.loads(raw)
    if not isinstance(argv, list) or not argv or not all(isinstance(a, str) for a in argv):
        raise ValueError("LLMGS_SERVE_COMMAND must be a JSON array of strings, got %r" % raw)
    return argv


class Server:
    """One server process: start() waits for its URL (or fails showing its stderr), stop() ends it."""

    def __init__(self, *extra, env=None):
        self.argv = serve_command() + ["serve", "--port", "0"] + list(extra)
        self.env = dict(os.environ, **(env or {}))
        self.url = None
        self.process = None
        self._stderr = tempfile.TemporaryFile()
        self._lines = []

    def start(self):
        self.process = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=self._stderr, env=self.env, cwd=ROOT)
        atexit.register(self.stop)
        found = threading.Event()

        def read():
            # keeps draining stdout after the URL, so the server never blocks on a full pipe
            for raw in self.process.stdout:
                line = raw.decode("utf-8", "replace")
                self._lines.append(line)
                m = _LISTENING.search(line)
                if m and self.url is None:
                    self.url = m.group(1)
                    found.set()
            found.set()

        threading.Thread(target=read, name="serve-stdout", daemon=True).start()
        deadline = time.monotonic() + START_SECONDS
        while not found.wait(0.1):
            if time.monotonic() > deadline:
                break
        if self.url is None:
            self.stop()
            raise AssertionError("llmgs serve did not print 'listening at' within %d s\ncommand: %s\nstdout:\n%s\n"
                                 "stderr:\n%s" % (START_SECONDS, " ".join(self.argv), "".join(self._lines),
                                                  self.stderr()))
        return self

    def stderr(self):
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")

    def stop(self):
        p = self.process
        if p is None or p.poll() is not None:
            return
        p.terminate()
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(15)
