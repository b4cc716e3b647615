"""Open a coverage report in headless Chromium and check it as a user would see it.

Uses the DevTools protocol over a minimal standard-library WebSocket client (no extra package):
collects console errors, uncaught exceptions and every network request, checks that the gap list is
rendered and visible, and saves a screenshot.

    .venv/bin/python tests/browser_check.py outputs/<pair>/coverage.html --screenshot report.png

Exit status 0 when the page is clean, 1 otherwise, 2 when Chromium is missing.
"""
from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio")


def find_chromium() -> str | None:
    """The Chromium binary ($CHROMIUM, then the usual Debian paths, then PATH), or None."""
    explicit = os.environ.get("CHROMIUM")
    if explicit and Path(explicit).exists():
        return explicit
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageCheck:
    console_errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    gap_list_visible: bool = False
    gap_items: int = -1
    title: str = ""
    screenshot: Path | None = None
    graph_clipped: list[str] = field(default_factory=list)  # graph texts drawn partly outside the graph
    graph_overlaps: list[str] = field(default_factory=list)  # graph boxes drawn over another box of their column

    @property
    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:", "about:"))]

    @property
    def ok(self) -> bool:
        return not self.console_errors and not self.exceptions and not self.external_requests \
            and self.gap_list_visible


class _WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: text frames, client masking, no extensions."""

    def __init__(self, url: str, timeout: float):
        match = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        if not match:
            raise ValueError(f"unexpected DevTools URL {url}")
        host, port, path = match.group(1), int(match.group(2)), match.group(3)
        self.sock = socket.create_connection((host, port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
                           ).encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the handshake")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(f"WebSocket handshake refused: {head[:200]!r}")

    def send(self, text: str) -> None:
        payload = text.encode()
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _read(self, count: int) -> bytes:
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("DevTools connection closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self) -> str:
        message = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if second & 0x80 else b""
            payload = self._read(length)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            opcode = first & 0x0F
            if opcode == 0x8:
                raise ConnectionError("DevTools closed the WebSocket")
            if opcode in (0x9, 0xA):  # ping / pong: not sent by DevTools in practice
                continue
            message += payload
            if first & 0x80:
                return message.decode("utf-8", errors="replace")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


class _DevTools:
    def __init__(self, ws: _WebSocket, deadline: float):
        self.ws, self.deadline, self.next_id, self.events = ws, deadline, 0, []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        wanted = self.next_id
        self.ws.send(json.dumps({"id": wanted, "method": method, "params": params}))
        while True:
            message = json.loads(self._receive())
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str) -> dict:
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        while True:
            message = json.loads(self._receive())
            if message.get("method") == method:
                return message
            self.events.append(message)

    def _receive(self) -> str:
        if time.monotonic() > self.deadline:
            raise TimeoutError("Chromium did not answer in time")
        return self.ws.receive()


VISIBILITY_PROBE = """(() => {
  const list = document.getElementById('gap-list');
  if (!list) return {visible: false, items: -1};
  const box = list.getBoundingClientRect(), style = getComputedStyle(list);
  const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
                  && parseFloat(style.opacity) > 0;
  return {visible, items: list.querySelectorAll('.gap-item').length};
})()"""

# What of the graph a reader cannot read: a text cut by the graph's edge, a task box drawn over another.
GRAPH_PROBE = """(() => {
  const svg = document.getElementById('graph');
  if (!svg) return {clipped: [], overlaps: []};
  const frame = svg.getBoundingClientRect(), clipped = [], overlaps = [];
  svg.querySelectorAll('text').forEach(t => {
    const b = t.getBoundingClientRect();
    if (b.left < frame.left - 0.5 || b.right > frame.right + 0.5 || b.top < frame.top - 0.5
        || b.bottom > frame.bottom + 0.5) clipped.push(t.textContent);
  });
  const boxes = Array.from(svg.querySelectorAll('a.node')).map(n => [n, n.querySelector('rect').getBoundingClientRect()]);
  boxes.forEach(([n, a], i) => boxes.slice(i + 1).forEach(([m, b]) => {
    if (a.left < b.right && b.left < a.right && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
      overlaps.push(n.getAttribute('data-id') + ' / ' + m.getAttribute('data-id'));
  }));
  return {clipped, overlaps};
})()"""


def check_report(html: str | Path, screenshot: str | Path | None = None, chromium: str | None = None,
                 width: int = 1280, height: int = 1500, timeout: float = 45.0, full_page: bool = False) -> PageCheck:
    """Load `html` from disk in headless Chromium; return what a user would have seen."""
    binary = chromium or find_chromium()
    if not binary:
        raise FileNotFoundError("Chromium not found (install the Debian packages chromium and chromium-driver)")
    html = Path(html).resolve()
    check = PageCheck()
    # Chromium's helper processes may still touch the profile while it is removed: ignore that.
    with tempfile.TemporaryDirectory(prefix="doichieu-chromium-", ignore_cleanup_errors=True) as profile:
        process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
            # Chromium puts its singleton socket directory in TMPDIR: inside the profile, it goes with it.
            env={**os.environ, "TMPDIR": profile})
        deadline = time.monotonic() + timeout
        ws = None
        try:
            port = _devtools_port(process, profile, deadline)
            targets = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10).read())
            page = next(t for t in targets if t.get("type") == "page")
            ws = _WebSocket(page["webSocketDebuggerUrl"], timeout=timeout)
            tools = _DevTools(ws, deadline)
            for domain in ("Page", "Runtime", "Log", "Network"):
                tools.call(f"{domain}.enable")
            tools.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                       mobile=False)
            tools.call("Page.navigate", url=html.as_uri())
            tools.wait_for("Page.loadEventFired")
            probe = tools.call("Runtime.evaluate", expression=VISIBILITY_PROBE, returnByValue=True)
            value = probe.get("result", {}).get("value") or {}
            check.gap_list_visible, check.gap_items = bool(value.get("visible")), int(value.get("items", -1))
            graph = tools.call("Runtime.evaluate", expression=GRAPH_PROBE, returnByValue=True)
            value = graph.get("result", {}).get("value") or {}
            check.graph_clipped, check.graph_overlaps = value.get("clipped", []), value.get("overlaps", [])
            check.title = tools.call("Runtime.evaluate", expression="document.title",
                                     returnByValue=True).get("result", {}).get("value", "")
            if screenshot is not None:
                if full_page:
                    size = tools.call("Page.getLayoutMetrics")["cssContentSize"]
                    clip = {"x": 0, "y": 0, "width": width, "height": min(int(size["height"]), 16000), "scale": 1}
                    shot = tools.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)
                else:
                    shot = tools.call("Page.captureScreenshot", format="png")
                path = Path(screenshot)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(base64.b64decode(shot["data"]))
                check.screenshot = path
            # Let late events (deferred errors) arrive, then read every event collected.
            tools.call("Runtime.evaluate", expression="new Promise(r => setTimeout(r, 200))", awaitPromise=True)
            _collect(tools.events, check)
        finally:
            if ws is not None:
                ws.close()
            _stop(process)
    return check


def _stop(process: subprocess.Popen) -> None:
    """End Chromium and every helper process it started (they share its session)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _devtools_port(process: subprocess.Popen, profile: str, deadline: float) -> int:
    """Chromium writes the chosen port to <profile>/DevToolsActivePort once it listens."""
    marker = Path(profile) / "DevToolsActivePort"
    while time.monotonic() < deadline:
        if marker.exists():
            first = marker.read_text().split("\n", 1)[0].strip()
            if first.isdigit():
                return int(first)
        if process.poll() is not None:
            raise RuntimeError(f"Chromium exited early: {process.stderr.read()[-2000:] if process.stderr else ''}")
        time.sleep(0.05)
    raise TimeoutError("Chromium did not open its DevTools port")


def _collect(events: list[dict], check: PageCheck) -> None:
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            check.console_errors.append(" ".join(str(a.get("value", a.get("description", "")))
                                                 for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            check.exceptions.append(details.get("exception", {}).get("description") or details.get("text", ""))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            check.console_errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            check.requests.append(params.get("request", {}).get("url", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("--screenshot", type=Path, default=None)
    parser.add_argument("--full-page", action="store_true", help="capture the whole page, not only the first screen")
    args = parser.parse_args(argv)
    if not find_chromium():
        print("Chromium not found: apt-get install chromium chromium-driver", file=sys.stderr)
        return 2
    check = check_report(args.html, args.screenshot, full_page=args.full_page)
    print(json.dumps({"ok": check.ok, "title": check.title, "gap_list_visible": check.gap_list_visible,
                      "gap_items": check.gap_items, "graph_clipped": check.graph_clipped,
                      "graph_overlaps": check.graph_overlaps, "console_errors": check.console_errors,
                      "exceptions": check.exceptions, "external_requests": check.external_requests,
                      "screenshot": str(check.screenshot) if check.screenshot else None},
                     ensure_ascii=False, indent=1))
    return 0 if check.ok else 1


if __name__ == "__main__":
    sys.exit(main())
