"""The ``mhtml`` reader on archives built here: Chromium's layout, quoted-printable and base64
parts, per-part charsets, ``cid:`` references, DOCX/EPUB embedding the archive's images
without any network, and hostile archives (a binary "page", 10,000 parts, ``file:``
locations, broken parts)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import convert
from convert.api import detect_kind
from convert.article import Figure
from archives import IMG_URL, PAGE_URL, Res, chrome_mhtml, mhtml, page_html
from savedpage import PNG, png
from cliutil import run_cli


def figures(article: convert.Article) -> list[Figure]:
    return [b for b in article.blocks if isinstance(b, Figure)]


def test_sniffed_from_bytes_not_name(tmp_path: Path) -> None:
    data = chrome_mhtml()
    assert detect_kind(data) == "mhtml"
    path = tmp_path / "saved.txt"  # a misleading name
    path.write_bytes(data)
    article = convert.parse(path)
    assert article.meta.source.kind == "mhtml"
    assert article.meta.title == "Dawn at the harbour"
    assert detect_kind(page_html().encode()) == "html"
    assert detect_kind(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello") != "mhtml"


def test_page_url_and_images_from_the_archive() -> None:
    article = convert.parse(chrome_mhtml())
    assert article.meta.url == PAGE_URL
    [fig] = figures(article)
    assert fig.image.src.startswith("data:image/png;base64,")
    assert "Caption 0" in convert.render(article, "txt", extra={"captions": "keep"}).decode()
    assert [h for h in article.blocks if h.type == "heading"]


def test_relative_and_cid_references() -> None:
    other = png(2, 2, (0, 128, 0))
    html = page_html("img/harbour.png", "cid:part2@example")
    data = mhtml([Res(html.encode(), "text/html", PAGE_URL, encoding="8bit", charset="utf-8"),
                  Res(PNG, location="https://news.example.org/2024/05/img/harbour.png"),
                  Res(other, cid="part2@example")])
    srcs = [f.image.src for f in figures(convert.parse(data))]
    assert len(srcs) == 2
    assert all(s.startswith("data:image/png;base64,") for s in srcs)
    assert srcs[0] != srcs[1]


def test_charset_of_the_page_part() -> None:
    html = page_html(IMG_URL, title="Déjà vu à Zürich").replace('<meta charset="utf-8">', "")
    data = mhtml([Res(html.encode("iso-8859-1"), "text/html", PAGE_URL,
                      encoding="quoted-printable", charset="iso-8859-1"),
                  Res(PNG, location=IMG_URL)])
    assert convert.parse(data).meta.title == "Déjà vu à Zürich"


@pytest.mark.parametrize("fmt", ["docx", "epub"])
def test_docx_and_epub_embed_archive_images_without_network(tmp_path: Path, fmt: str) -> None:
    pytest.importorskip({"docx": "docx", "epub": "ebooklib"}[fmt])
    page = tmp_path / "page.mhtml"
    page.write_bytes(chrome_mhtml())
    # No --fetch-images: the image server would be the only other source, and there is none.
    proc = run_cli("convert", str(page), "-t", fmt, "-o", str(tmp_path / f"out.{fmt}"), "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    with zipfile.ZipFile(io.BytesIO((tmp_path / f"out.{fmt}").read_bytes())) as z:
        assert PNG in [z.read(n) for n in z.namelist() if n.endswith(".png")]


def test_binary_page_part_is_a_clear_error() -> None:
    data = mhtml([Res(PNG, "text/html", PAGE_URL), Res(PNG, location=IMG_URL)])
    with pytest.raises(convert.DecruftError, match="page part holds image/png"):
        convert.parse(data)
    noise = bytes(range(256)) * 40
    data = mhtml([Res(noise, "text/html", PAGE_URL)])
    with pytest.raises(convert.DecruftError, match="binary data"):
        convert.parse(data)


def test_ten_thousand_parts_refused_quickly() -> None:
    import time

    parts = [Res(page_html().encode(), "text/html", PAGE_URL, encoding="8bit")]
    parts += [Res(b"x", "image/png", f"https://x.example/{i}.png", encoding="8bit")
              for i in range(10_000)]
    data = mhtml(parts)
    t0 = time.perf_counter()
    with pytest.raises(convert.DecruftError, match="more than 5000 parts"):
        convert.parse(data)
    assert time.perf_counter() - t0 < 2


def test_file_locations_never_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(1, 1, (1, 2, 3)))
    html = page_html(secret.as_uri(), "file:///etc/passwd")
    data = mhtml([Res(html.encode(), "text/html", "file:///home/me/page.html", encoding="8bit"),
                  Res(b"root:x:0:0", "image/png", "file:///etc/passwd")],
                 snapshot="file:///home/me/page.html")
    page = tmp_path / "page.mhtml"
    page.write_bytes(data)
    article = convert.parse(page)
    assert article.meta.url is None  # a file: location is no page URL
    for fmt in ("docx", "epub"):
        pytest.importorskip({"docx": "docx", "epub": "ebooklib"}[fmt])
        out = convert.render(article, fmt)
        with zipfile.ZipFile(io.BytesIO(out)) as z:
            blobs = [z.read(n) for n in z.namelist()]
        assert secret.read_bytes() not in blobs
        assert not any(b"root:x:0:0" in b for b in blobs)


def test_broken_image_part_is_skipped() -> None:
    html = page_html(IMG_URL, "https://cdn.example.org/broken.png")
    data = mhtml([Res(html.encode(), "text/html", PAGE_URL, encoding="8bit"),
                  Res(PNG, location=IMG_URL),
                  Res(b"\x89PNG but truncated", location="https://cdn.example.org/broken.png",
                      encoding="8bit")])
    srcs = [f.image.src for f in figures(convert.parse(data))]
    assert srcs[0].startswith("data:image/png")
    assert srcs[1] == "https://cdn.example.org/broken.png"


@pytest.mark.parametrize("data, message", [
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nno boundary", "multipart"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b--\r\n",
     "no parts|empty"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n"
     b"Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!\r\n--b--\r\n",
     "empty|no article"),
])
def test_broken_archives_are_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(convert.DecruftError, match=message):
        convert.parse(data)


def test_cli_lists_the_reader() -> None:
    proc = run_cli("plugins")
    assert proc.returncode == 0
    assert "mhtml" in proc.stdout.decode()
