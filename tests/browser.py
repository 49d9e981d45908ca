"""Open a local HTML file in headless Chromium and report what happened (for the inspect tests
and the docs' screenshots): console errors, uncaught exceptions, CSP violations, every network
request, the load time and a screenshot.

Speaks the DevTools protocol over ``--remote-debugging-pipe`` (file descriptors 3 and 4,
NUL-separated JSON): no port, no websocket library. ``python -m tests.browser FILE [PNG]``
prints the findings as JSON.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--mute-audio", "--hide-scrollbars"]


def chromium() -> str | None:
    """The Chromium executable, or ``None`` when none is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class _Pipe:
    def __init__(self, proc: subprocess.Popen, write_fd: int, read_fd: int) -> None:
        self.proc, self.write_fd, self.read_fd = proc, write_fd, read_fd
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.write_fd, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            chunk = os.read(self.read_fd, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, method: str, timeout: float) -> dict[str, Any] | None:
        for event in self.events:
            if event.get("method") == method:
                return event
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            event = self.receive()
            self.events.append(event)
            if event.get("method") == method:
                return event
        return None


def open_report(path: Path, screenshot: Path | None = None, *, width: int = 1400,
                height: int = 1000, settle: float = 0.5) -> dict[str, Any]:
    """Load ``path`` and return ``{"load_seconds", "console_errors", "requests", "dom_chars"}``
    (requests: every URL fetched besides the file itself); write a PNG if asked."""
    exe = chromium()
    if exe is None:
        raise FileNotFoundError("chromium is not installed")
    to_chrome_r, to_chrome_w = os.pipe()
    from_chrome_r, from_chrome_w = os.pipe()

    def child_fds() -> None:  # runs in the child: its fds 3 and 4 are the protocol pipe
        a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
        os.dup2(a, 3)
        os.dup2(b, 4)

    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
             "--remote-debugging-pipe", "about:blank"],
            # (close_fds would close 3 and 4 after child_fds ran; the pipe's other ends are
            # not inheritable, so nothing else leaks into the browser.)
            close_fds=False, preexec_fn=child_fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        pipe = _Pipe(proc, to_chrome_w, from_chrome_r)
        try:
            target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.send("Target.attachToTarget",
                                {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Network", "Page"):
                pipe.send(f"{domain}.enable", session=session)
            pipe.send("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                session=session)
            pipe.events.clear()
            url = path.resolve().as_uri()
            started = time.monotonic()
            pipe.send("Page.navigate", {"url": url}, session=session)
            loaded = pipe.wait_for("Page.loadEventFired", 30)
            load_seconds = time.monotonic() - started
            if loaded is None:
                raise RuntimeError("the page did not load in 30 s")
            end = time.monotonic() + settle
            while time.monotonic() < end:
                # (Late console messages and requests arrive after the load event.)
                pipe.send("Runtime.evaluate", {"expression": "1"}, session=session)
                time.sleep(0.05)
            dom = pipe.send("Runtime.evaluate", {
                "expression": "document.documentElement.outerHTML.length"}, session=session)
            if screenshot is not None:
                shot = pipe.send("Page.captureScreenshot", {"format": "png"}, session=session)
                screenshot.write_bytes(base64.b64decode(shot["data"]))
        finally:
            try:
                pipe.send("Browser.close")
            except Exception:
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            os.close(to_chrome_w)
            os.close(from_chrome_r)
    errors, requests = [], []
    for event in pipe.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value", a.get("description")))
                                   for a in params.get("args", ())))
        elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
            errors.append(params["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent":
            requested = params["request"]["url"]
            if requested != url:
                requests.append(requested)
    return {"load_seconds": round(load_seconds, 3), "console_errors": errors,
            "requests": requests, "dom_chars": dom.get("result", {}).get("value")}


if __name__ == "__main__":
    found = open_report(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    print(json.dumps(found, indent=1))
