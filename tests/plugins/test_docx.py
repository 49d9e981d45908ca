"""The ``docx`` format, reopened with python-docx (and LibreOffice when it is installed)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import time
import zipfile

import pytest

docx = pytest.importorskip("docx")

import convert  # noqa: E402
from convert import jsonio  # noqa: E402
from convert.article import Article, Link, Meta, Paragraph, Strong, Text  # noqa: E402
from mdcheck import NAMES, fold, load  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
try:
    import PIL  # noqa: F401
    HAVE_PIL = True
except ImportError:
    HAVE_PIL = False


def render(article, **opts) -> bytes:
    return convert.render(article, "docx", **opts)


def reopen(data: bytes):
    return docx.Document(io.BytesIO(data))


def styles_of(d) -> list[str]:
    return [p.style.name for p in d.paragraphs]


@pytest.mark.parametrize("name", NAMES)
def test_every_fixture_reopens_and_every_part_is_plain_xml(name):
    data = render(load(name))
    reopen(data)
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        for info in z.infolist():
            if info.filename.endswith((".xml", ".rels")):
                raw = z.read(info)
                assert b"<!DOCTYPE" not in raw
                etree.fromstring(raw, parser)
        rels = z.read("word/_rels/document.xml.rels").decode()
        assert "javascript:" not in rels.lower() and "vbscript:" not in rels.lower()
        assert not any("thumbnail" in n for n in z.namelist())


@pytest.mark.parametrize("name", NAMES)
def test_docx_is_deterministic(name, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    article = load(name)
    first = render(article)
    assert render(article) == first  # randomness; the clock is test_clock.py's


def test_source_date_epoch_fixes_zip_dates(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = render(load("bare"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert reopen(data).core_properties.modified.year == 2023


ROUND_TRIP = NAMES


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_json_round_trip_gives_identical_docx(name):
    article = load(name)
    again = jsonio.loads(convert.render(article, "json"))
    assert render(again) == render(article)


def test_styles_word_users_expect():
    d = reopen(render(load("rich")))
    names = styles_of(d)
    assert names[:3] == ["Title", "Subtitle", "Byline"]
    for style in ("Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number",
                  "List Continue", "Quote", "Source Code", "Caption"):
        assert style in names, style
    defined = {s.name for s in d.styles}
    assert {"Hyperlink", "Verbatim Char", "Table Grid"} <= defined
    # The page's h2 is the document's Heading 1.
    assert d.paragraphs[names.index("Heading 1")].text == "A section"
    code = d.styles["Source Code"]
    assert code.font.name == "Consolas"


def test_text_of_the_article_is_all_there():
    article = load("rich")
    d = reopen(render(article))
    body = fold(" ".join(p.text for p in d.paragraphs) + " " + " ".join(
        c.text for t in d.tables for r in t.rows for c in r.cells))
    from convert.textutil import block_texts

    for text in block_texts(article.blocks):
        for word in text.split():
            assert word in body


def test_hyperlinks_are_real_and_styled():
    d = reopen(render(load("rich")))
    links = [h for p in d.paragraphs for h in p.hyperlinks]
    assert [h.address for h in links] == ["https://example.org/", "https://example.org/about"]
    assert [h.text for h in links] == ["a link", "a relative one"]
    run = d.element.body.find(f".//{W}hyperlink/{W}r/{W}rPr/{W}rStyle")
    assert run.get(f"{W}val") == d.styles["Hyperlink"].style_id


def test_hostile_links_become_text():
    d = reopen(render(load("hostile")))
    addresses = [h.address for p in d.paragraphs for h in p.hyperlinks]
    assert addresses == ["https://example.org/a%20b(c)?q=%3Cx%3E&y=%22z%22",
                         "mailto:someone@example.org"]
    text = " ".join(p.text for p in d.paragraphs)
    assert "javascript link" in text and "fragment" in text


def _num_id(p):
    ppr = p._p.pPr
    return int(ppr.numPr.numId.val) if ppr is not None and ppr.numPr is not None else None


def _ilvl(p):
    return int(p._p.pPr.numPr.ilvl.val)


def test_list_numbering_restarts_per_list_and_nests():
    d = reopen(render(load("rich")))
    ps = {p.text: p for p in d.paragraphs}
    one, two, nested = ps["one"], ps["two"], ps["nested a"]
    first, again = ps["first"], ps["again first"]
    assert _num_id(one) == _num_id(two) != _num_id(nested)
    assert _ilvl(one) == 0 and _ilvl(nested) == 1
    assert _num_id(first) != _num_id(again)  # a new list restarts at 1
    numbering = d.part.numbering_part.element
    starts = {}
    for num in numbering.findall(f"{W}num"):
        for override in num.findall(f"{W}lvlOverride"):
            starts[(int(num.get(f"{W}numId")), int(override.get(f"{W}ilvl")))] = int(
                override.find(f"{W}startOverride").get(f"{W}val"))
    assert starts[(_num_id(nested), 1)] == 3
    assert starts[(_num_id(again), 0)] == 1
    assert ps["three, second paragraph"].style.name == "List Continue"


def test_core_properties_from_metadata():
    cp = reopen(render(load("rich"))).core_properties
    assert cp.title == "A rich article"
    assert cp.author == "Ada L; Bo M"
    assert cp.keywords == "ast, rendering"
    assert cp.language == "en"
    assert cp.identifier == "https://example.org/news/rich"
    assert cp.subject == "Every node type."
    assert cp.category == "Tests"
    assert cp.created.isoformat() == "2024-05-01T08:00:00+00:00"
    assert cp.modified.isoformat() == "2024-05-02T00:00:00+00:00"
    assert cp.last_modified_by == "decruft"


def test_hostile_metadata_and_text_do_not_crash():
    d = reopen(render(load("hostile")))
    assert d.core_properties.title.startswith("<script>alert('title')</script>")
    assert "\x00" not in d.core_properties.title
    assert any("NUL and C0" in p.text for p in d.paragraphs)


def test_images_embedded_with_alt_text_and_caption_below():
    d = reopen(render(load("rich")))
    # lead PNG, inline GIF, figure PNG, and the WebP as PNG when Pillow can convert it; the
    # remote image is not fetched (no fetch_images).
    descr = d.element.body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/"
                                   "wordprocessingDrawing}docPr")
    expected = ["lead", "inline gif", "a figure"] + (["webp"] if HAVE_PIL else [])
    assert len(d.inline_shapes) == len(expected)
    assert [x.get("descr") for x in descr] == expected
    names = styles_of(d)
    i = names.index("Figure", 4)
    assert names[i + 1] == "Caption"
    assert d.paragraphs[i + 1].text == "The caption with emphasis Credit: Agency"
    assert len(reopen(render(load("rich"), images=False)).inline_shapes) == 0


def test_table_header_row_and_merged_cells():
    d = reopen(render(load("rich")))
    table = d.tables[0]
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[0].cells] == ["Name", "Value", "Note"]
    tbl = table._tbl
    assert tbl.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None
    assert tbl.find(f".//{W}gridSpan").get(f"{W}val") == "2"
    assert [v.get(f"{W}val") for v in tbl.iter(f"{W}vMerge")] == ["restart", None]
    assert table.rows[2].cells[2].text == table.rows[3].cells[2].text == "y"


def test_span_bomb_is_clamped():
    d = reopen(render(load("hostile")))
    assert all(len(t.columns) <= 63 for t in d.tables)


def test_bundle_has_book_title_and_page_breaks():
    arts = [load("rich"), load("bare"), load("minimal")]
    d = reopen(convert.render_bundle(arts, "docx", title="Digest"))
    assert d.paragraphs[0].style.name == "Title" and d.paragraphs[0].text == "Digest"
    h1 = [p for p in d.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in h1][:1] == ["A rich article"]
    assert d.paragraphs[names_index(d, "A rich article")].paragraph_format.page_break_before
    xml = d.element.xml
    assert xml.count('w:type="page"') + xml.count("<w:pageBreakBefore/>") >= 3
    assert d.core_properties.title == "Digest"


def names_index(d, text):
    return [p.text for p in d.paragraphs].index(text)


@pytest.mark.slow
def test_fifty_thousand_paragraphs_render_in_seconds():
    blocks = tuple(Paragraph((Text(f"Paragraph {i} "), Strong((Text("bold"),)),
                              Link((Text("link"),), f"https://example.org/{i % 100}")))
                   for i in range(50_000))
    article = Article(Meta(title="Long"), blocks)
    start = time.perf_counter()
    data = render(article)
    elapsed = time.perf_counter() - start
    assert elapsed < 30, elapsed
    assert len(reopen(data).paragraphs) == 50_001


@pytest.mark.slow
def test_a_hundred_thousand_cell_table_renders_in_seconds():
    from convert.article import Table, TableCell, TableRow

    rows = tuple(TableRow(tuple(TableCell((Paragraph((Text(f"{r}.{c}"),)),)) for c in range(100)))
                 for r in range(1000))
    start = time.perf_counter()
    data = render(Article(Meta(title="Wide"), (Table((), rows),)))
    assert time.perf_counter() - start < 30
    table = reopen(data).tables[0]
    assert len(table.rows) == 1000 and len(table.columns) == 63  # Word's column limit


def _comparable(text: str) -> str:
    """Text as a reader sees it: NFC, no format characters (zero-width...), no whitespace."""
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf" and not c.isspace())


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_every_fixture_and_shows_the_text(tmp_path):
    """LibreOffice converts each fixture's .docx to text; all of the article's text is there.
    (Debian: apt-get install libreoffice-writer-nogui.)"""
    from convert.textutil import block_texts, clean_text

    names = [n for n in NAMES]
    for name in names:
        (tmp_path / f"{name}.docx").write_bytes(render(load(name)))
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to",
                    "txt:Text (encoded):UTF8", "--outdir", str(tmp_path),
                    *[str(tmp_path / f"{n}.docx") for n in names]],
                   check=True, timeout=600, capture_output=True,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    for name in names:
        article = load(name)
        shown = _comparable((tmp_path / f"{name}.txt").read_text(encoding="utf-8"))
        shown = re.sub("[\u2022\u25e6\u25aa]", "", shown)  # list bullets LibreOffice prints
        assert _comparable(clean_text(article.meta.title or "")) in shown
        for block in block_texts(article.blocks):
            assert _comparable(clean_text(block).replace("\t", "")) in shown, (name, block)


# --------------------------------------------------------------------------- saved pages
# A page saved by a browser, converted through the real CLI: its images come from the
# page's folder (convert.images), never from outside it, and never from the network unless
# --fetch-images is given.

from savedpage import PNG, convert as convert_page, escaping_sources, image_server, \
    saved_page  # noqa: E402


def _media(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}


def _drawings(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").count(b"<w:drawing>")


def test_saved_page_image_is_embedded_from_its_files_folder(tmp_path):
    page = saved_page(tmp_path, "page_files/pic.png")
    data = convert_page(page, "out.docx")
    assert list(_media(data).values()) == [PNG]
    assert _drawings(data) == 1
    shape = reopen(data).inline_shapes[0]
    assert shape.width > 0 and shape.height > 0
    assert convert_page(page, "again.docx") == data  # deterministic
    # --no-images: no picture at all, the caption stays
    data = convert_page(page, "none.docx", "--no-images")
    assert not _media(data) and _drawings(data) == 0
    assert any(p.text == "Caption 1" for p in reopen(data).paragraphs)


def test_saved_page_relative_src_under_a_canonical_url(tmp_path):
    # The renderer makes srcs absolute against the canonical URL; the file is still found
    # next to the page (no network).
    page = saved_page(tmp_path, "page_files/pic.png", canonical="https://example.com/a/page.html")
    assert list(_media(convert_page(page, "out.docx")).values()) == [PNG]


def test_saved_page_cannot_reach_files_outside_its_folder(tmp_path):
    page = saved_page(tmp_path, *escaping_sources(tmp_path))
    data = convert_page(page, "out.docx")
    assert not _media(data) and _drawings(data) == 0


def test_local_page_images_are_fetched_only_with_fetch_images(tmp_path):
    with image_server() as (base, requests):
        page = saved_page(tmp_path, f"{base}/remote/photo.png")
        data = convert_page(page, "out.docx")
        assert requests == [] and not _media(data)
        data = convert_page(page, "fetched.docx", "--fetch-images")
        assert requests == ["/remote/photo.png"]
        assert list(_media(data).values()) == [PNG] and _drawings(data) == 1
        convert_page(page, "none.docx", "--fetch-images", "--no-images")
        assert len(requests) == 1


def test_bundle_resolves_each_page_in_its_own_folder(tmp_path):
    from cliutil import run_cli
    from savedpage import png

    pages = [saved_page(tmp_path / str(n), "page_files/pic.png") for n in range(3)]
    other = png(5, 5, (0, 255, 0))
    (pages[1].parent / "page_files" / "pic.png").write_bytes(other)
    out = tmp_path / "book.docx"
    proc = run_cli("convert", *map(str, pages), "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    data = out.read_bytes()
    # Same src, three folders: page 1 and 3 share their bytes (one part), page 2 differs.
    assert sorted(_media(data).values()) == sorted([PNG, other]) and _drawings(data) == 3


def test_long_metadata_is_cut_to_what_core_properties_hold():
    """Found by the render benchmark: a 400-character description crashed python-docx."""
    from convert.article import Article, Meta, Paragraph, Text

    long = "word " * 200
    article = Article(Meta(title=long, description=long, authors=(long,), tags=(long,),
                           url="https://example.org/" + "a" * 400),
                      (Paragraph((Text("Body."),)),))
    props = reopen(convert.render(article, "docx")).core_properties
    assert 0 < len(props.subject) <= 255 and 0 < len(props.title) <= 255


def test_right_to_left_paragraphs_and_tables_are_bidi():
    """Arabic paragraphs get w:bidi (Word lays them out right to left), an Arabic table
    w:bidiVisual (first column on the right); English text and code stay left to right, and
    a left-to-right article marks only its Hebrew paragraph."""
    from convert.article import CodeBlock, Table, TableCell, TableRow

    def _text(p):
        return "".join(t.text or "" for t in p.iter(f"{W}t"))

    def cell(text):
        return TableCell((Paragraph((Text(text),)),))

    ar = Article(Meta(title="الطاقة الشمسية", language="ar"), (
        Paragraph((Text("تشهد المنطقة العربية طفرة في مشاريع الطاقة الشمسية."),)),
        Paragraph((Text("2023"),)),
        Paragraph((Text("An English paragraph quoted as it was written."),)),
        CodeBlock("x = 1\n"),
        Table((), (TableRow((cell("مصر"), cell("1,650"))),)),
    ))
    body = reopen(render(ar)).element.body
    bidi = [(p.find(f"{W}pPr/{W}bidi") is not None, _text(p))
            for p in body.iter(f"{W}p") if _text(p)]
    assert bidi == [(True, "الطاقة الشمسية"),
                    (True, "تشهد المنطقة العربية طفرة في مشاريع الطاقة الشمسية."),
                    (True, "2023"),
                    (False, "An English paragraph quoted as it was written."),
                    (False, "x = 1"),
                    (True, "مصر"), (True, "1,650")]
    assert body.find(f"{W}tbl/{W}tblPr/{W}bidiVisual") is not None
    # w:bidi sits before w:ind/w:jc, as the schema orders pPr.
    for ppr in body.iter(f"{W}pPr"):
        tags = [c.tag for c in ppr]
        if f"{W}bidi" in tags and f"{W}jc" in tags:
            assert tags.index(f"{W}bidi") < tags.index(f"{W}jc")

    en = Article(Meta(title="Learning Hebrew", language="en"), (
        Paragraph((Text("I started learning Hebrew to read my grandmother's letters."),)),
        Paragraph((Text("שלום עולם! זו הפסקה הראשונה."),)),
        Paragraph((Text("2023"),)),
    ))
    body = reopen(render(en)).element.body
    marked = [_text(p) for p in body.iter(f"{W}p")
              if p.find(f"{W}pPr/{W}bidi") is not None]
    assert marked == ["שלום עולם! זו הפסקה הראשונה."]


def test_link_around_an_image_that_is_not_embedded_keeps_its_alt_text():
    """A remote image is not embedded (no network for local pages): a link holding only it
    was an empty w:hyperlink, invisible and unclickable. Its alt text is now the link text;
    without alt text no empty w:hyperlink is written."""
    from convert.article import Image

    article = Article(Meta(title="Lynx"), (
        Paragraph((Link((Image("https://example.org/t.jpg", alt="The camera-trap gallery"),),
                        "https://example.org/gallery"),)),
        Paragraph((Link((Image("https://example.org/u.jpg"),), "https://example.org/other"),
                   Text(" and text"))),
    ))
    body = reopen(render(article)).element.body
    links = list(body.iter(f"{W}hyperlink"))
    assert len(links) == 1
    assert "".join(t.text for t in links[0].iter(f"{W}t")) == "The camera-trap gallery"
    assert links[0].find(f"{W}r/{W}rPr/{W}rStyle") is not None  # in the Hyperlink style


def test_bold_and_italic_reach_complex_script_text():
    """Word (and LibreOffice) format Arabic, Hebrew, Thai... text by w:bCs/w:iCs, not w:b/w:i:
    an Arabic <strong> with w:b alone shows as plain text. Both are written, as Word does."""
    from convert.article import Emphasis

    article = Article(Meta(title="اختبار", language="ar"), (
        Paragraph((Text("نص ثم "), Strong((Text("نص عريض"),)), Text(" ثم "),
                   Emphasis((Text("نص مائل"),)))),))
    body = reopen(render(article)).element.body
    props = {"".join(t.text for t in r.iter(f"{W}t")): [c.tag[len(W):] for c in r.find(f"{W}rPr")]
             for r in body.iter(f"{W}r") if r.find(f"{W}rPr") is not None}
    assert props["نص عريض"] == ["b", "bCs"]
    assert props["نص مائل"] == ["i", "iCs"]
