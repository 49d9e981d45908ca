"""The native walk kernel answers what its pure-Python twins answer:
convert.extract.html.kernel (and _walk.pyx). Skipped where the kernel is not built or
DECRUFT_PURE_PYTHON forces the twins; CI runs the suite both ways."""
# (Parked here as a measured record, see README.md: it lived at
# tests/extract/html/test_kernel.py at commit b33eb28.)


from __future__ import annotations

from pathlib import Path

import pytest

from convert.extract.html import measure, scoring
from convert.extract.html.dom import parse
from convert.extract.html.kernel import KERNEL, select, select_first
from convert.extract.html.thresholds import FRAGMENT_LINK_WEIGHT, MIN_PARAGRAPH_CHARS

pytestmark = pytest.mark.skipif(KERNEL is None, reason="native kernel not built or disabled")

ROOT = Path(__file__).resolve().parents[3]
PAGES = [ROOT / "examples" / "field-notes.html",
         *sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))]

#: Edge cases of selectolax's reading: non-ASCII whitespace (str.strip() removes it, the
#: visible count keeps it), upper-case and namespaced hrefs, a link inside a link's subtree,
#: a span of whitespace only, a <template> (its content is not the tree's).
EDGES = ("<body><div>\u00a0<span>\u2003</span><span> \t </span>caf\u00e9, na\u00efve"
         "<a HREF='#top'>up</a><svg><a xlink:href='#x' href='y'>svg link</a></svg>"
         "<a href=''>empty</a><a>none</a></div><li>\u00a0</li><td>x</td>"
         "<template><p>hidden template paragraph text long enough</p></template>"
         "<span>a span of its own text that is long enough, yes</span></body>")


def _trees():
    for page in PAGES:
        yield parse(page.read_bytes())
    yield parse(EDGES)
    # Bytes that are not UTF-8: selectolax decodes them with replacement characters.
    yield parse(b"<body><p>caf\xe9 and more text, long enough to be a paragraph: \xff\xfe"
                b"<a href=x>l\xe9</a></p><div>\xc3</div><div>\xa9 split</div></body>")


def _twin_len(node):
    return measure.visible_chars(node.text(deep=True))


@pytest.mark.parametrize("tree", list(_trees()))
def test_lengths_and_links_are_the_twins(tree):
    nodes = [n for n in tree.root.traverse(include_text=True)]
    for node in nodes:
        native = KERNEL.visible_len(node)
        assert native == -1 or native == _twin_len(node)
        assert measure._visible_len(node) == _twin_len(node)
        links = KERNEL.link_chars(node, FRAGMENT_LINK_WEIGHT)
        twin = measure._link_chars(node.css("a")) if node.tag and node.tag[0] != "-" else None
        if twin is not None and links is not None:
            assert links == twin and type(links) is type(twin)


@pytest.mark.parametrize("tree", list(_trees()))
def test_paragraphs_are_the_twins(tree):
    native = KERNEL.paragraph_nodes(tree.body, MIN_PARAGRAPH_CHARS)
    twin = scoring._paragraph_walk(tree.body)
    assert [(n.mem_id, t) for n, t in native] == [(n.mem_id, t) for n, t in twin]


def test_invalid_utf8_is_left_to_the_twin():
    tree = parse(b"<body><div>\xff\xfe</div><p>ok</p></body>")
    assert KERNEL.visible_len(tree.css_first("div")) == -1
    assert measure._visible_len(tree.css_first("div")) == 2  # two replacement characters
    assert KERNEL.visible_len(tree.css_first("p")) == 2


def test_fragments_are_left_to_the_twin():
    from selectolax.lexbor import LexborHTMLParser
    root = LexborHTMLParser("<b>one</b> two", is_fragment=True).root
    assert KERNEL.visible_len(root) == -1
    assert KERNEL.paragraph_nodes(root, 1) is None
    assert measure._visible_len(root) == _twin_len(root)


def test_the_edge_page_is_measured_natively():
    tree = parse(EDGES)
    div = tree.css_first("div")
    assert KERNEL.visible_len(div) == _twin_len(div) > 0
    # '#top' (upper-case HREF) is a fragment link; the svg link's qualified "href" is "y",
    # not its "xlink:href": 2 fragment characters, 7 + 5 + 4 others.
    assert KERNEL.link_chars(div, 0.5) == 2 * 0.5 + 16
    assert KERNEL.link_chars(div, FRAGMENT_LINK_WEIGHT) == measure._link_chars(div.css("a"))


QUERIES = ("a", "p", "figure", "img", "p, img, li, form, a", "h1, h2, h3, h4, h5, h6",
           "pre, code, table, h1, h2, h3, h4, h5, h6", "base,head,link,meta,title",
           "svg", "template")


@pytest.mark.parametrize("tree", list(_trees()))
def test_tag_selections_are_selectolax_s(tree):
    for node in [tree.root, *tree.root.traverse(include_text=True)]:
        for query in QUERIES:
            assert [n.mem_id for n in select(node, query)] == [n.mem_id for n in node.css(query)]
            first, twin = select_first(node, query), node.css_first(query)
            assert (first and first.mem_id) == (twin and twin.mem_id)
    for query in QUERIES:
        assert [n.mem_id for n in select(tree, query)] == [n.mem_id for n in tree.css(query)]


def test_other_queries_go_to_selectolax():
    from convert.extract.html.kernel import _table
    assert _table("p") is not None and _table("P") is None
    for query in ("a[href]", "p + p", "p, p", "div p", ".x", "#y", "x-custom", "*"):
        assert _table(query) is None
    tree = parse(EDGES)
    assert [n.tag for n in select(tree.body, "a[href]")] == [n.tag for n in tree.body.css("a[href]")]
