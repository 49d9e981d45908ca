"""convert.extract.html.meta.elements: the one walk finds what a query per kind finds."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.meta.elements import QUERIES, page_elements

_FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "html"


def _same(tree: LexborHTMLParser) -> dict[str, int]:
    found = page_elements(tree)
    for kind, query in QUERIES.items():
        assert [n.mem_id for n in found[kind]] == [n.mem_id for n in tree.css(query)], kind
    return {kind: len(nodes) for kind, nodes in found.items()}


def test_each_kind_as_its_own_query_finds_it():
    html = ('<html><head><meta charset=utf-8><base href="https://example.org/a/">'
            '<script type="application/ld+json">{"@type": "Article"}</script>'
            '<script>var x = 1;</script><meta name=author content="Jane Doe">'
            '<link rel=stylesheet href=a.css><link rel=canonical href=/a></head><body>'
            '<h1>Title</h1><base target=_top><p><meta itemprop=name content=x></p>'
            '<time datetime=2024-01-02>2 Jan</time><time>3 Jan</time>'
            '<script type="application/ld+json">{}</script><h1>Second</h1></body></html>')
    assert _same(LexborHTMLParser(html)) == {"script": 2, "meta": 3, "h1": 2, "base": 1,
                                             "link": 1, "time": 1}


def test_the_fixture_pages_give_the_same_elements():
    for path in sorted(_FIXTURES.glob("*.html")):
        _same(LexborHTMLParser(path.read_bytes()))
