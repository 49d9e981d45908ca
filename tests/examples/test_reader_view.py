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
