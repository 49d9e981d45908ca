"""The ``webarchive`` reader on Safari archives built here with plistlib: page URL, charset,
images from the subresources embedded by DOCX/EPUB without any network, and hostile archives
(a binary "page", 10,000 subresources, ``file:`` URLs, broken entries)."""

from __future__ import annotations

import io
import plistlib
import zipfile
from pathlib import Path

import pytest

import convert
from convert.api import detect_kind
from convert.article import Figure
from archives import IMG_URL, PAGE_URL, page_html, subresource, webarchive
from cliutil import run_cli
from savedpage import PNG, png


def figures(article: convert.Article) -> list[Figure]:
    return [b for b in article.blocks if isinstance(b, Figure)]


def typical() -> bytes:
    return webarchive(page_html(IMG_URL, "img/local.png").encode("utf-8"),
                      [subresource(PNG, IMG_URL),
                       subresource(png(2, 2, (0, 0, 255)),
                                   "https://news.example.org/2024/05/img/local.png"),
                       subresource(b"body{}", "https://news.example.org/s.css", "text/css")])


def test_sniffed_and_read(tmp_path: Path) -> None:
    data = typical()
    assert detect_kind(data) == "webarchive"
    path = tmp_path / "saved.bin"
    path.write_bytes(data)
    article = convert.parse(path)
    assert article.meta.source.kind == "webarchive"
    assert article.meta.url == PAGE_URL
    assert article.meta.title == "Dawn at the harbour"
    srcs = [f.image.src for f in figures(article)]
    assert len(srcs) == 2 and all(s.startswith("data:image/png;base64,") for s in srcs)


def test_text_encoding_of_the_page() -> None:
    html = page_html(title="Déjà vu à Zürich").replace('<meta charset="utf-8">', "")
    data = webarchive(html.encode("iso-8859-1"), [], encoding="ISO-8859-1")
    assert convert.parse(data).meta.title == "Déjà vu à Zürich"


@pytest.mark.parametrize("fmt", ["docx", "epub"])
def test_docx_and_epub_embed_archive_images(tmp_path: Path, fmt: str) -> None:
    pytest.importorskip({"docx": "docx", "epub": "ebooklib"}[fmt])
    page = tmp_path / "page.webarchive"
    page.write_bytes(typical())
    proc = run_cli("convert", str(page), "-t", fmt, "-o", str(tmp_path / f"out.{fmt}"), "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    with zipfile.ZipFile(io.BytesIO((tmp_path / f"out.{fmt}").read_bytes())) as z:
        assert PNG in [z.read(n) for n in z.namelist() if n.endswith(".png")]


def test_binary_page_is_a_clear_error() -> None:
    with pytest.raises(convert.DecruftError, match="image/png"):
        convert.parse(webarchive(PNG, []))
    with pytest.raises(convert.DecruftError, match="not HTML"):
        convert.parse(webarchive(page_html().encode(), [], mime="application/pdf"))


def test_ten_thousand_subresources_refused() -> None:
    subs = [subresource(b"x", f"https://x.example/{i}.png") for i in range(10_000)]
    with pytest.raises(convert.DecruftError, match="more than 5000 parts"):
        convert.parse(webarchive(page_html().encode(), subs))


def test_file_urls_never_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(1, 1, (1, 2, 3)))
    data = webarchive(page_html(secret.as_uri()).encode(),
                      [subresource(b"root:x:0:0", "file:///etc/passwd")],
                      url="file:///Users/me/page.html")
    page = tmp_path / "page.webarchive"
    page.write_bytes(data)
    article = convert.parse(page)
    assert article.meta.url is None
    pytest.importorskip("docx")
    with zipfile.ZipFile(io.BytesIO(convert.render(article, "docx"))) as z:
        blobs = [z.read(n) for n in z.namelist()]
    assert secret.read_bytes() not in blobs


@pytest.mark.parametrize("data", [
    b"bplist00WebMainResource" + b"\x00" * 40,  # truncated
    plistlib.dumps({"WebMainResource": "not a dict"}, fmt=plistlib.FMT_BINARY),
    plistlib.dumps({"WebMainResource": {"WebResourceData": b"<p>hi</p>"},
                    "WebSubresources": "nope"}, fmt=plistlib.FMT_BINARY),
])
def test_broken_archives_are_one_line_errors(data: bytes) -> None:
    with pytest.raises(convert.DecruftError):
        convert.parse(data, kind="webarchive")


def test_broken_subresources_are_skipped() -> None:
    data = webarchive(page_html(IMG_URL).encode(),
                      [{"WebResourceURL": IMG_URL}, "junk", subresource(b"\x89PNG no", IMG_URL)])
    [fig] = figures(convert.parse(data))
    assert fig.image.src == IMG_URL
