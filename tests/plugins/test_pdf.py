"""The ``pdf`` format, read back with poppler (Debian's poppler-utils): ``pdftotext`` shows the
article's text in order, the outline (``pdftohtml -xml``) lists the title and headings, two
renders are byte-identical, and the page size, metadata and links are what was asked."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

import convert
from convert.errors import MissingDependency
from convert.textutil import block_texts, clean_text, inline_text
from mdcheck import NAMES, load

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = ROOT / "examples" / "seed-rt-article.txt"
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdftohtml"),
                                   reason="poppler-utils not installed")


def _weasyprint_works() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


pytestmark = pytest.mark.skipif(not _weasyprint_works(), reason="WeasyPrint not usable")


def _run(*args: str, data: bytes) -> str:
    proc = subprocess.run([*args], input=data, capture_output=True, timeout=60, check=True)
    return proc.stdout.decode("utf-8")


def pdftotext(data: bytes) -> str:
    """The text in the order it is drawn (``-raw``: table rows stay rows)."""
    return _run("pdftotext", "-raw", "-enc", "UTF-8", "-", "-", data=data)


def pdfinfo(data: bytes) -> str:
    return _run("pdfinfo", "-", data=data)


def _pdfxml(data: bytes, tmp: Path) -> str:
    (tmp / "o.pdf").write_bytes(data)
    return subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", "-q", str(tmp / "o.pdf")],
                          capture_output=True, timeout=60, check=True).stdout.decode()


def outline(data: bytes, tmp: Path) -> list[str]:
    """The titles of the PDF's bookmarks, in document order (poppler's XML shows the nesting
    unreliably, so only the order is checked)."""
    xml = _pdfxml(data, tmp)
    return [html.unescape(t) for t in re.findall(r"<item[^>]*>(.*?)</item>", xml)]


def _visual(text: str) -> str:
    """Text as a PDF holds it: right-to-left overrides in visual order, format characters
    (zero-width space, bidi controls) gone."""
    text = re.sub("\u202e([^\u202c]*)\u202c", lambda m: m.group(1)[::-1], text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", _visual(text))


def _in_order(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(w == h for h in it) for w in needles)


@needs_poppler
@pytest.mark.parametrize("name", NAMES + ["seed"])
def test_text_in_order_and_outline_lists_headings(name: str, tmp_path: Path) -> None:
    article = convert.parse(SEED) if name == "seed" else load(name)
    data = convert.render(article, "pdf")
    assert data.startswith(b"%PDF-")
    words = _words(pdftotext(data))
    flowing = [b for b in article.blocks if b.type != "table"]
    tables = [b for b in article.blocks if b.type == "table"]
    # Every word of the body, in order (no hyphenation: the stylesheet asks for none); a
    # table's cells are drawn row by row, but a cell of several lines interleaves with its
    # neighbours, so a table's words are only checked to be there.
    assert _in_order(_words(" ".join(block_texts(flowing))), words), name
    assert set(_words(" ".join(block_texts(tables)))) <= set(words)
    headings = [inline_text(b.children) for b in article.blocks if b.type == "heading"]
    marks = outline(data, tmp_path)
    expected = ([" ".join(clean_text(article.meta.title).split())] if article.meta.title and article.meta.title.strip()
                else []) + [" ".join(h.split()) for h in headings if h.strip()]
    assert [" ".join(m.split()) for m in marks] == expected


def test_two_renders_are_byte_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    article = convert.parse(SEED)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = convert.render(article, "pdf")
    # Randomness only; font subsets carrying the current second are test_clock.py's.
    assert convert.render(article, "pdf") == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert convert.render(article, "pdf") != first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")  # invalid: ignored, as for EPUB
    assert convert.render(article, "pdf") == first


@needs_poppler
def test_source_date_epoch_is_the_creation_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = convert.render(convert.parse(SEED), "pdf")
    assert "Nov 14 22:13:20 2023" in pdfinfo(stamped)


@needs_poppler
def test_page_size_metadata_and_links(tmp_path: Path) -> None:
    article = load("rich")
    a4 = convert.render(article, "pdf")
    letter = convert.render(article, "pdf", extra={"page": "letter"})
    info = {}
    for label, data in (("a4", a4), ("letter", letter)):
        (tmp_path / f"{label}.pdf").write_bytes(data)
        info[label] = subprocess.run(["pdfinfo", str(tmp_path / f"{label}.pdf")],
                                     capture_output=True, check=True).stdout.decode()
    assert "595.276 x 841.89 pts (A4)" in info["a4"]
    assert "612 x 792 pts (letter)" in info["letter"]
    assert "Title:           A rich article" in info["a4"]
    assert "Author:          Ada L, Bo M" in info["a4"] or "Author:          Ada L" in info["a4"]
    links = re.findall(r'<a href="([^"]+)"', _pdfxml(a4, tmp_path))
    assert "https://example.org/" in links
    assert "https://example.org/about" in links  # relative, made absolute against the URL
    text = pdftotext(a4)
    assert "https://example.org/news/rich" in text  # the source URL in the header
    with pytest.raises(convert.DecruftError, match="page must be"):
        convert.render(article, "pdf", extra={"page": "a5"})


@needs_poppler
def test_bundle_has_a_title_page_and_a_bookmark_per_article(tmp_path: Path) -> None:
    articles = [load("rich"), load("minimal"), convert.parse(SEED)]
    data = convert.render_bundle(articles, "pdf", title="Reading list")
    marks = outline(data, tmp_path)
    titles = [a.meta.title.strip() for a in articles]
    assert _in_order(titles, marks)
    assert "Reading list" not in marks  # the title page is not a bookmark
    pages = pdftotext(data).split("\f")
    assert pages[0].strip().startswith("Reading list")
    assert all(t in pages[0] for t in titles)  # its list of contents


def test_never_fetches(tmp_path: Path) -> None:
    from savedpage import image_server

    from convert.article import Article, Figure, Image, Meta, Paragraph, Text
    with image_server() as (base, requests):
        article = Article(Meta(title="T"), (Paragraph((Text("x " * 50),)),
                                            Figure(Image(f"{base}/a.png"), (Text("cap"),))))
        convert.render(article, "pdf")
        assert requests == []  # no --fetch-images: not even WeasyPrint asks


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def fake(name: str, *args, **kwargs):
        if name == "weasyprint":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(MissingDependency, match=r"decruft\[pdf\]"):
        convert.render(load("minimal"), "pdf")


def test_right_to_left_article_is_laid_out_right_to_left():
    """The page's HTML marks an Arabic article dir="rtl" (WeasyPrint then aligns it right and
    puts list markers and the quote bar on the right) and an English paragraph in it ltr."""
    from convert.article import Article, Meta, Paragraph, Text
    from convert.formats import RenderOptions
    from convert_plugins.pdf import CSS, _article_html

    article = Article(Meta(title="الطاقة الشمسية", language="ar"), (
        Paragraph((Text("تشهد المنطقة العربية طفرة في مشاريع الطاقة الشمسية."),)),
        Paragraph((Text("An English paragraph."),)),
    ))
    body = _article_html(article, RenderOptions(images=False))
    assert body.startswith('<article lang="ar" xml:lang="ar" dir="rtl">')
    assert '<p dir="ltr">An English paragraph.</p>' in body
    assert '[dir="rtl"] blockquote' in CSS and '[dir="rtl"] ul' in CSS
