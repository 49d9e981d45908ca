"""Image resolution for writers: data: URIs, saved-page folders, limits, and the security rules
(no local file outside the page's folder, no network unless allowed). HTTP only to 127.0.0.1."""

from __future__ import annotations

import base64
import http.server
import io
import os
import threading

import pytest

from convert.article import Article, Meta, Source
from convert.formats import RenderOptions
from convert.images import (ImageData, ImageLoader, loader_for, resolve_image,
                            sniff_image_type)

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00" \
      b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


@pytest.fixture
def saved_page(tmp_path):
    """A browser's "Save page as… complete": page.html plus page_files/, and a secret
    outside the page's folder."""
    site = tmp_path / "site"
    files = site / "My Page_files"
    files.mkdir(parents=True)
    (files / "photo.png").write_bytes(PNG)
    (files / "anim.gif").write_bytes(GIF)
    (files / "notes.txt").write_bytes(b"not an image")
    (site / "img").mkdir()
    (site / "img" / "local.png").write_bytes(PNG)
    page = site / "My Page.html"
    page.write_bytes(b"<html><body><p>saved</p></body></html>")
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    return page, secret


def _resolve(src, page, **kw):
    return resolve_image(src, page_location=str(page), **kw)


def test_sniffing_uses_the_bytes():
    assert sniff_image_type(PNG) == "image/png"
    assert sniff_image_type(GIF) == "image/gif"
    assert sniff_image_type(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert sniff_image_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert sniff_image_type(b"<?xml version='1.0'?>\n" + SVG) == "image/svg+xml"
    assert sniff_image_type(b"<html>") is None and sniff_image_type(b"") is None


def test_data_uri_base64_and_percent_encoded():
    uri = "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert resolve_image(uri, page_location=None) == ImageData(PNG, "image/png")
    # The declared type is ignored: the bytes say GIF.
    uri = "data:image/jpeg;base64," + base64.b64encode(GIF).decode()
    assert resolve_image(uri, page_location=None).media_type == "image/gif"
    svg_uri = "data:image/svg+xml," + SVG.decode().replace('"', "%22").replace(" ", "%20")
    found = resolve_image(svg_uri, page_location=None, accept={"image/svg+xml"})
    assert found == ImageData(SVG, "image/svg+xml")
    assert resolve_image("data:image/png;base64,!!!notbase64", page_location=None) is None
    assert resolve_image("data:text/html,<script>", page_location=None) is None


def test_files_next_to_a_saved_page(saved_page):
    page, _ = saved_page
    assert _resolve("My%20Page_files/photo.png", page).data == PNG
    assert _resolve("./img/local.png", page).data == PNG
    # The extractor made the src absolute against the page's original URL: the browser's
    # NAME_files folder still has the file, so no network is needed.
    assert _resolve("https://example.com/static/anim.gif?v=2", page).data == GIF
    # Inside the folder but not an image: never returned.
    assert _resolve("My%20Page_files/notes.txt", page) is None
    assert _resolve("img/missing.png", page) is None


@pytest.mark.parametrize("src", [
    "../secret.png", "../../secret.png", "img/../../secret.png", "%2e%2e/secret.png",
    "/etc/passwd", "file:///etc/passwd", "file://localhost/etc/passwd",
    "file:///{secret}", "{secret}", "\\..\\secret.png",
])
def test_nothing_outside_the_page_folder_is_read(saved_page, src):
    page, secret = saved_page
    assert _resolve(src.format(secret=secret), page) is None


def test_relative_src_made_absolute_against_the_page_url(saved_page):
    """A saved page's canonical URL made its relative srcs absolute (convert.html does): the
    part below the page URL's folder is looked up next to the page, still contained."""
    page, secret = saved_page
    url = "https://example.com/news/My%20Page.html"
    assert _resolve("https://example.com/news/img/local.png", page, page_url=url).data == PNG
    assert _resolve("https://example.com/news/img/local.png", page) is None
    for src in ("https://other.example/news/img/local.png",   # another host
                "http://example.com/news/img/local.png",      # another scheme
                "https://example.com/img/local.png",          # above the page's folder
                "https://example.com/news/%2e%2e/secret.png",
                "https://example.com/news/..%2fsecret.png"):
        assert _resolve(src, page, page_url=url) is None, src
    article = Article(Meta(title="t", url=url, source=Source(str(page), "html", "utf-8")), ())
    assert loader_for(article, RenderOptions())("https://example.com/news/img/local.png")


def test_symlink_escaping_the_folder_is_refused(saved_page):
    page, secret = saved_page
    link = page.parent / "img" / "escape.png"
    os.symlink(secret, link)
    (page.parent / "img" / "dirlink").symlink_to(secret.parent, target_is_directory=True)
    assert _resolve("img/escape.png", page) is None
    assert _resolve("img/dirlink/secret.png", page) is None
    # A symlink that stays inside the folder is fine.
    os.symlink(page.parent / "img" / "local.png", page.parent / "img" / "alias.png")
    assert _resolve("img/alias.png", page).data == PNG


def test_stdin_and_url_pages_read_no_local_file(saved_page):
    page, _ = saved_page
    for location in (None, "https://example.com/My Page.html"):
        assert resolve_image(str(page.parent / "img" / "local.png"),
                             page_location=location) is None
        assert resolve_image("img/local.png", page_location=location) is None


class _ImageHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = PNG if self.path.endswith(".png") else b"<html>not an image</html>"
        self.send_response(200)
        self.send_header("Content-Type", "image/png")  # a lie for the HTML: sniffing decides
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def image_server():
    _ImageHandler.hits = []
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ImageHandler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}", _ImageHandler.hits
    srv.shutdown()
    srv.server_close()


def test_no_network_for_local_pages_unless_allowed(saved_page, image_server):
    page, _ = saved_page
    base, hits = image_server
    assert _resolve(f"{base}/remote.png", page) is None
    assert hits == []
    assert _resolve(f"{base}/remote.png", page, allow_network=True).data == PNG
    assert _resolve(f"{base}/fake.png.html", page, allow_network=True) is None
    assert hits == ["/remote.png", "/fake.png.html"]


def test_loader_follows_options_and_limits(saved_page, image_server):
    page, _ = saved_page
    base, hits = image_server
    article = Article(Meta(title="t", source=Source(str(page), "html", "utf-8")), ())
    offline = loader_for(article, RenderOptions())
    assert offline(f"{base}/a.png") is None and hits == []
    online = loader_for(article, RenderOptions(extra={"fetch_images": "yes"}))
    assert online(f"{base}/a.png").data == PNG
    assert online(f"{base}/a.png").data == PNG and hits == ["/a.png"]  # cached
    small = ImageLoader(str(page), max_images=1)
    assert small("img/local.png") is not None
    assert small("My%20Page_files/photo.png") is None  # over the count limit
    tight = ImageLoader(str(page), max_total_bytes=len(PNG) + 10)
    assert tight("img/local.png") is not None and tight("My%20Page_files/photo.png") is None
    assert resolve_image("img/local.png", page_location=str(page), max_bytes=10) is None


def test_unshowable_formats_convert_to_png_or_drop(saved_page):
    page, _ = saved_page
    PIL = pytest.importorskip("PIL.Image")
    buf = io.BytesIO()
    PIL.new("RGB", (3, 2), (200, 10, 10)).save(buf, format="WEBP")
    (page.parent / "img" / "pic.webp").write_bytes(buf.getvalue())
    converted = _resolve("img/pic.webp", page)
    assert converted.media_type == "image/png"
    assert PIL.open(io.BytesIO(converted.data)).size == (3, 2)
    assert _resolve("img/pic.webp", page, accept={"image/webp"}).media_type == "image/webp"
    (page.parent / "img" / "v.svg").write_bytes(SVG)
    assert _resolve("img/v.svg", page) is None  # cannot be rasterised: dropped


def test_a_public_page_cannot_reach_a_private_address(image_server):
    base, hits = image_server
    src = f"{base}/inward.png"
    # Only classified, never contacted: 8.8.8.8 is a public address literal.
    assert resolve_image(src, page_location="https://8.8.8.8/page.html",
                         allow_network=True) is None
    assert hits == []
    assert resolve_image(src, page_location="http://127.0.0.1:9/page.html",
                         allow_network=True).data == PNG
    assert hits == ["/inward.png"]


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` (its pixel data is never there)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + \
            struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                                0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b"")


def _uri(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode()}"


@pytest.mark.parametrize("media_type, data", [
    ("image/png", _png_header(100_000, 100_000)),
    ("image/gif", b"GIF89a\xff\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\xff\xff\xff\xff"
                  b"\x00\x02\x02D\x01\x00;"),
    ("image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
                   b"\xff\xc0\x00\x11\x08\xea\x60\xea\x60\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
                   b"\xff\xd9"),
])
def test_an_image_declaring_more_pixels_than_the_limit_is_not_embedded(media_type, data):
    # a few kB that a reader opening the DOCX or EPUB decodes into gigabytes
    assert sniff_image_type(data) == media_type
    assert resolve_image(_uri(media_type, data), page_location=None) is None
    assert resolve_image(_uri("image/png", _png_header(4000, 3000)),
                         page_location=None) is not None


def test_pixel_size_reads_the_headers_pillow_writes():
    from convert.images import pixel_size

    PIL = pytest.importorskip("PIL.Image")
    for fmt, kw in [("PNG", {}), ("GIF", {}), ("JPEG", {}), ("JPEG", {"progressive": True}),
                    ("WEBP", {}), ("WEBP", {"lossless": True})]:
        buf = io.BytesIO()
        PIL.new("RGB", (321, 123)).save(buf, format=fmt, **kw)
        data = buf.getvalue()
        assert pixel_size(ImageData(data, sniff_image_type(data))) == (321, 123), (fmt, kw)
    assert pixel_size(ImageData(b"\xff\xd8\xff" + b"\x00" * 10, "image/jpeg")) is None
