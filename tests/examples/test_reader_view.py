"""decruft-reader-view: a self-contained, safe reader-view page, single and bundled."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from convert.article import Link, Paragraph, Text

from .helpers import HN_SAMPLE, Env, make_article, write_article


class _Page(HTMLParser):
    """Collects tags, attributes and text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]


def parse_page(data: bytes) -> _Page:
    page = _Page()
    page.feed(data.decode("utf-8"))
    page.close()
    return page


def test_single_page(plugin_env: Env, tmp_path: Path) -> None:
    src = write_article(tmp_path / "a.json", make_article())
    proc = plugin_env.run("convert", str(src), "-f", "json", "-t", "html")
    assert proc.returncode == 0, proc.stderr.decode()
    html = proc.stdout.decode()
    assert html.startswith("<!DOCTYPE html>")
    page = parse_page(proc.stdout)
    text = "".join(page.text)
    # the metadata header
    for piece in ("Example Times · Science", "A short article", "The standfirst",
                  "By Ada L and Bo M", "2024-05-01"):
        assert piece in text
    assert page.find("time")[0]["datetime"] == "2024-05-01T10:00:00+02:00"
    # the lead figure with caption and credit
    assert page.find("img")[0]["src"] == "https://example.org/lead.jpg"
    assert "The lead caption" in text and "Photo: Jo K" in text
    assert page.find("small")[0]["class"] == "credit"
    # self-contained: inline style, no external stylesheet, no script
    assert page.find("style") and not page.find("link") and not page.find("script")
    csp = [m for m in page.find("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in (csp[0]["content"] or "")
    assert page.find("html")[0]["lang"] == "en"


def test_output_name_picks_the_format(plugin_env: Env, tmp_path: Path) -> None:
    src = write_article(tmp_path / "a.json", make_article())
    out = tmp_path / "page.html"
    proc = plugin_env.run("convert", str(src), "-f", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"decruft-reader-view" in out.read_bytes()


def test_page_text_is_escaped_and_script_urls_dropped(plugin_env: Env, tmp_path: Path) -> None:
    nasty = "<script>alert(1)</script>"
    article = make_article(title=nasty, extra={})
    article = article.__class__(article.meta, (
        Paragraph((Text(nasty), Link((Text("click"),), "javascript:alert(2)"))),
        *article.blocks))
    src = write_article(tmp_path / "a.json", article)
    proc = plugin_env.run("convert", str(src), "-f", "json", "-t", "reader")
    assert proc.returncode == 0, proc.stderr.decode()
    page = parse_page(proc.stdout)
    assert not page.find("script")
    assert nasty in "".join(page.text)             # shown as text, not markup
    assert b"javascript:" not in proc.stdout
    assert all(not k.startswith("on") for _, attrs in page.tags for k in attrs)


def test_bundle_with_table_of_contents(plugin_env: Env, tmp_path: Path) -> None:
    a = write_article(tmp_path / "a.json", make_article(title="First"))
    b = write_article(tmp_path / "b.json", make_article(title="Second"))
    out = tmp_path / "digest.html"
    proc = plugin_env.run("convert", str(a), str(b), "-f", "json", "-o", str(out),
                          "--title", "Monday reading", "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    page = parse_page(out.read_bytes())
    assert page.find("title") and "Monday reading" in page.text
    assert [x["href"] for x in page.find("a") if (x["href"] or "").startswith("#")] == \
        ["#article-1", "#article-2"]
    assert [x["id"] for x in page.find("article")] == ["article-1", "article-2"]
    assert {"First", "Second"} <= set(page.text)


def test_options_and_no_images(plugin_env: Env, tmp_path: Path) -> None:
    src = write_article(tmp_path / "a.json", make_article())
    proc = plugin_env.run("convert", str(src), "-f", "json", "-t", "reader", "-O", "font=sans",
                          "--no-images")
    page = parse_page(proc.stdout)
    assert page.find("body")[0]["class"] == "font-sans"
    assert not page.find("img")
    assert "The lead caption" in "".join(page.text)


def test_with_reading_time_and_the_hn_reader(plugin_env: Env, tmp_path: Path) -> None:
    """The three sample plugins together: read an HN page, count, render."""
    proc = plugin_env.run("convert", str(HN_SAMPLE), "--filter", "reading-time", "-t", "html")
    assert proc.returncode == 0, proc.stderr.decode()
    page = parse_page(proc.stdout)
    byline = proc.stdout.decode().split('<p class="byline">')[1].split("</p>")[0]
    assert "By ada_l" in byline and "1 min read" in byline
    assert len([d for d in page.find("div") if d.get("class") == "comment"]) == 5
    assert "&lt;script&gt;" in proc.stdout.decode()


def _png() -> bytes:
    """A valid 2x2 RGB PNG (zlib + struct)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x10\x20\x30" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _saved_page(root: Path, *srcs: str) -> Path:
    """page.html with page_files/pic.png next to it, and a secret.png outside its folder."""
    text = "A paragraph of the saved article, long enough to be its main content. " * 6
    site = root / "site"
    (site / "page_files").mkdir(parents=True)
    (site / "page_files" / "pic.png").write_bytes(_png())
    (root / "secret.png").write_bytes(_png())
    figures = "".join(f'<figure><img src="{s}" alt="pic"><figcaption>Caption</figcaption>'
                      f"</figure><p>{text}</p>" for s in srcs)
    page = site / "page.html"
    page.write_text(f"<html lang='en'><head><title>Saved</title></head><body><article>"
                    f"<h1>Saved</h1><p>{text}</p>{figures}<p>{text}</p></article></body></html>")
    return page


def test_embed_images_inlines_a_saved_pages_images(plugin_env: Env, tmp_path: Path) -> None:
    import base64

    page = _saved_page(tmp_path, "page_files/pic.png", "../secret.png")
    data_uri = "data:image/png;base64," + base64.b64encode(_png()).decode("ascii")

    def srcs(*args: str) -> list[str | None]:
        proc = plugin_env.run("convert", page.name, "-t", "reader", *args, cwd=page.parent)
        assert proc.returncode == 0, proc.stderr.decode()
        return [img["src"] for img in parse_page(proc.stdout).find("img")]

    # Without --embed-images the URLs stay; with it, the file next to the page is inlined
    # (the CSP allows data: images) and the one outside the page's folder is not read.
    assert srcs() == ["page_files/pic.png", "../secret.png"]
    assert srcs("--embed-images") == [data_uri, "../secret.png"]
    assert srcs("--embed-images", "--no-images") == []
