"""Fetching pages over HTTP: real requests to a server this test starts on 127.0.0.1 only."""

from __future__ import annotations

import gzip
import http.server
import json
import threading
import time

import pytest

from cliutil import run_cli
from convert import fetch
from convert.errors import InputError

pytest.importorskip("urllib3")

PAGE = ("<!doctype html><html><head><title>Fetched page</title></head><body><article>"
        "<h1>Fetched page</h1><p>This paragraph came over HTTP from a test server, and it is "
        "long enough to be the article body by any measure of a reader.</p>"
        "<p>A <a href='other.html'>relative link</a> resolves against the final URL.</p>"
        "</article></body></html>").encode()
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str | None = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target: str, status: int = 302) -> None:
        self._send(status, b"", headers={"Location": target})

    def do_GET(self) -> None:  # noqa: C901 - one route table
        path = self.path
        if path == "/news/page.html":
            self._send(200, PAGE)
        elif path == "/latin1":
            self._send(200, "<p>café</p>".encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/nocharset":
            self._send(200, b"<p>x</p>", "text/html")
        elif path == "/badcharset":
            self._send(200, b"<p>x</p>", "text/html; charset=no-such-charset")
        elif path == "/notype":
            self._send(200, b"<p>x</p>", None)
        elif path == "/moved":
            self._redirect("/news/page.html", 301)
        elif path == "/loop-a":
            self._redirect("/loop-b")
        elif path == "/loop-b":
            self._redirect("/loop-a")
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            self._redirect(f"/chain/{n + 1}" if n < 50 else "/news/page.html")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, PAGE)
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/huge-declared":
            self._send(200, b"x" * 10, headers={"X-Note": "lies"})  # see /huge-length
        elif path == "/huge-length":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10 ** 10))
            self.end_headers()
            self.close_connection = True
        elif path == "/huge-stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"a" * 65536)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
        elif path == "/image.png":
            self._send(200, PNG, "image/png")
        elif path == "/500":
            self._send(500, b"oops", "text/plain")
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


def _error(url: str, **kwargs: object) -> str:
    with pytest.raises(InputError) as info:
        fetch.fetch_page(url, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    return message


def test_page_bytes_final_url_and_charset(server):
    got = fetch.fetch_page(f"{server}/news/page.html")
    assert got.data == PAGE
    assert got.url == f"{server}/news/page.html"
    assert (got.charset, got.media_type) == ("utf-8", "text/html")


def test_redirect_gives_the_final_url(server):
    got = fetch.fetch_page(f"{server}/moved")
    assert got.url == f"{server}/news/page.html" and got.data == PAGE


def test_redirect_loop_and_limit(server):
    assert "redirect loop" in _error(f"{server}/loop-a")
    assert "more than 10 redirects" in _error(f"{server}/chain/0")


def test_redirect_to_another_scheme_is_refused(server):
    assert "only http and https" in _error(f"{server}/to-file")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x",
                                 "javascript:alert(1)", "gopher://127.0.0.1/"])
def test_non_http_scheme_refused(url):
    assert "only http and https" in _error(url)


def test_charset_from_header_missing_and_unknown(server):
    latin = fetch.fetch_page(f"{server}/latin1")
    assert latin.charset == "ISO-8859-1" and latin.data == "<p>café</p>".encode("latin-1")
    assert fetch.fetch_page(f"{server}/nocharset").charset is None
    assert fetch.fetch_page(f"{server}/badcharset").charset is None
    untyped = fetch.fetch_page(f"{server}/notype")
    assert (untyped.media_type, untyped.charset) == (None, None)


def test_slow_response_times_out(server):
    start = time.monotonic()
    assert "timed out" in _error(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - start < 2.5


def test_trickling_response_times_out_on_the_whole_transfer(server):
    start = time.monotonic()
    assert "timed out" in _error(f"{server}/trickle", timeout=1.0)
    assert time.monotonic() - start < 2.5


def test_huge_bodies_hit_the_size_limit(server):
    assert "Content-Length" in _error(f"{server}/huge-length", max_bytes=1_000_000)
    assert "larger than the fetch limit of 1000000" in _error(f"{server}/huge-stream",
                                                               max_bytes=1_000_000)


def test_gzip_content_encoding_is_decoded(server):
    assert fetch.fetch_page(f"{server}/gzip").data == PAGE


@pytest.mark.parametrize("path,status", [("/missing", "HTTP 404"), ("/500", "HTTP 500")])
def test_http_errors_name_the_status(server, path, status):
    assert _error(f"{server}{path}").startswith(status)


def test_an_image_is_not_a_page_but_can_be_fetched(server):
    assert "not a page: the server sent image/png" == _error(f"{server}/image.png")
    got = fetch.fetch(f"{server}/image.png")
    assert got.data == PNG and got.media_type == "image/png"


def test_connection_refused_and_tls_failure(server):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert "cannot connect to 127.0.0.1" in _error(f"http://127.0.0.1:{port}/")
    # TLS to a plain-HTTP server fails in the handshake.
    assert _error(server.replace("http:", "https:") + "/news/page.html").startswith("TLS error")


def test_is_url():
    assert fetch.is_url("https://example.com/a") and fetch.is_url("FTP://x/y")
    assert not fetch.is_url("page.html") and not fetch.is_url("c:/dir/page.html")
    assert not fetch.is_url(None) and not fetch.is_url("dir/http://x")


def test_cli_converts_a_url_with_it_as_source_and_base(server):
    out = run_cli("convert", f"{server}/moved", "-f", "html", "-t", "json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["meta"]["source"]["location"] == f"{server}/news/page.html"
    assert f"{server}/news/other.html" in out.stdout.decode()


def test_cli_several_urls_in_parallel_keep_order_and_report_failures(server, tmp_path):
    urls = [f"{server}/news/page.html", f"{server}/missing", f"{server}/moved"]
    out = run_cli("convert", *urls, "-f", "html", "-t", "jsonl", "-j", "2")
    assert out.returncode == 1
    lines = out.stdout.decode().splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["meta"]["title"] == "Fetched page" for line in lines)
    assert f"{server}/missing: HTTP 404" in out.stderr.decode()
    out = run_cli("convert", f"{server}/news/page.html", "-f", "html", "-t", "json",
                  "-d", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["127.0.0.1-news-page.json"]


def test_cli_refuses_other_schemes_in_one_line():
    out = run_cli("convert", "file:///etc/passwd", "-t", "json")
    assert out.returncode == 1 and out.stdout == b""
    errors = [line for line in out.stderr.decode().splitlines() if "warning" not in line]
    assert errors == ["decruft: file:///etc/passwd: only http and https URLs can be fetched, "
                      "not file:"]


def test_fetched_pages_may_fetch_their_images_local_ones_not(server, tmp_path, monkeypatch):
    """A page from the web takes its images from the web unless --no-fetch-images; a local
    page only with --fetch-images (writers read ``options.extra["fetch_images"]``)."""
    from convert import api
    from convert.batch import Job, Settings, convert_one
    from convert.formats import RenderOptions

    seen = []
    monkeypatch.setattr(api, "render", lambda article, fmt, options: seen.append(
        (article.meta.source.location, options.extra.get("fetch_images"))) or b"")
    local = tmp_path / "page.html"
    local.write_bytes(PAGE)
    for job, extra in [(Job(f"{server}/moved"), {}), (Job(str(local)), {}),
                       (Job(f"{server}/moved"), {"fetch_images": False}),
                       (Job(str(local)), {"fetch_images": True})]:
        result = convert_one(job, Settings(kind="html", fmt="json",
                                           options=RenderOptions(extra=extra)))
        assert result.ok, result.error
    assert seen == [(f"{server}/news/page.html", True), (str(local), None),
                    (f"{server}/news/page.html", False), (str(local), True)]
