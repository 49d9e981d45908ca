"""A browser-saved page in a temporary folder, and an image server on 127.0.0.1 that counts
its requests: what the writers' image tests convert through the real CLI."""

from __future__ import annotations

import http.server
import struct
import threading
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from cliutil import run_cli

TEXT = ("This paragraph is the body of a saved article, long enough for the extractor to keep "
        "it as the main content of the page by any reasonable measure. ")


def png(width: int = 3, height: int = 2, rgb: tuple[int, int, int] = (200, 30, 60)) -> bytes:
    """A valid RGB PNG, built with zlib and struct."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PNG = png()


def saved_page(root: Path, *srcs: str, canonical: str | None = None,
               lead: str | None = None, name: str = "page") -> Path:
    """``root/site/NAME.html`` showing one figure per ``src``, with ``NAME_files/pic.png``
    next to it (what "Save page as… complete" writes) and ``root/secret.png`` outside the
    page's folder; ``lead`` is an ``og:image`` (the lead image). Returns the page's path."""
    site = root / "site"
    (site / f"{name}_files").mkdir(parents=True, exist_ok=True)
    (site / f"{name}_files" / "pic.png").write_bytes(PNG)
    (root / "secret.png").write_bytes(png(1, 1, (1, 2, 3)))
    figures = "".join(f'<figure><img src="{src}" alt="picture {i}">'
                      f"<figcaption>Caption {i}</figcaption></figure><p>{TEXT * 2}</p>"
                      for i, src in enumerate(srcs, start=1))
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    if lead:
        link += f'<meta property="og:image" content="{lead}">'
    page = site / f"{name}.html"
    page.write_text(f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                    f"<title>A saved page</title>{link}</head><body><article>"
                    f"<h1>A saved page</h1><p>{TEXT * 3}</p>{figures}<p>{TEXT * 3}</p>"
                    f"</article></body></html>", encoding="utf-8")
    return page


def convert(page: Path, out: str, *args: str) -> bytes:
    """``decruft convert page.html -o OUT ARGS`` run in the page's folder; OUT's bytes."""
    proc = run_cli("convert", page.name, "-o", out, "-q", *args, cwd=page.parent)
    assert proc.returncode == 0, proc.stderr.decode()
    return (page.parent / out).read_bytes()


@contextmanager
def image_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 serving :data:`PNG` at any path; yields its base URL and the
    list of paths requested so far."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PNG)))
            self.end_headers()
            self.wfile.write(PNG)

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}", requests
    finally:
        srv.shutdown()
        srv.server_close()


#: Sources a page may not use to read a local file: outside its folder, or absolute.
def escaping_sources(root: Path) -> tuple[str, ...]:
    return ("../secret.png", "../../secret.png", "file:///etc/passwd",
            (root / "secret.png").resolve().as_uri(), str((root / "secret.png").resolve()))
