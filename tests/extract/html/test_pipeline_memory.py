"""What the HTML pipeline keeps alive (:mod:`convert.extract.html.pipeline`): the page's parse
and the winner's tree are freed as soon as nothing reads them, so that on a huge page the
blocks and the tidying do not add to two trees' worth of memory."""

from __future__ import annotations

import gc

from selectolax.lexbor import LexborHTMLParser

from convert.article import Paragraph
from convert.extract.html import content, dom, parse_html, pipeline, profiles

# A plain article (synthetic): the classifier gives it no profile.
ARTICLE = ("<html><head><title>The river report</title></head><body><nav><a href='/'>Home</a>"
           "<a href='/news'>News</a></nav><article><h1>The river report</h1>" + "".join(
               f"<p>The council met on day {i}, and the river, which rose again this week, was "
               f"the first thing on its list, before the budget and the school bridge.</p>"
               for i in range(12)) + "</article><footer>Contact us</footer></body></html>")


def _live_trees() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, LexborHTMLParser))


def _spy(monkeypatch, module, name, seen: list[int]) -> None:  # noqa: ANN001
    real = getattr(module, name)

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003
        seen.append(_live_trees())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)


def test_an_article_page_reads_no_profile(monkeypatch):
    answers: list[bool] = []
    real = profiles.reads_page
    monkeypatch.setattr(profiles, "reads_page", lambda signals: answers.append(real(signals))
                        or answers[-1])
    parse_html(ARTICLE.encode())
    assert answers and set(answers) == {False}


def test_without_a_profile_only_the_winners_tree_is_alive_when_blocks_are_built(monkeypatch):
    baseline = _live_trees()
    at_build: list[int] = []
    at_tidy: list[int] = []
    _spy(monkeypatch, pipeline.Builder, "blocks_of", at_build)
    _spy(monkeypatch, pipeline, "tidy_blocks", at_tidy)
    article = parse_html(ARTICLE.encode())
    assert any(isinstance(b, Paragraph) for b in article.blocks)
    # the page's parse is gone once the cascade is done; the winner's once its blocks are built
    assert at_build and set(at_build) == {baseline + 1}
    assert at_tidy == [baseline]


def test_with_a_profile_the_page_stays_for_it(monkeypatch):
    # A page the classifier gives a profile keeps its parse until the profile has read it;
    # the winner's tree only for a profile reading the winner (product, service, docs).
    monkeypatch.setattr(profiles, "reads_page", lambda signals: True)
    baseline = _live_trees()
    at_profile: list[int] = []
    _spy(monkeypatch, profiles, "extract", at_profile)
    parse_html(ARTICLE.encode())
    assert at_profile == [baseline + 1]
    monkeypatch.setattr(profiles, "reads_winner", lambda signals: True)
    parse_html(ARTICLE.encode())
    assert at_profile == [baseline + 1, baseline + 2]


def test_only_the_profiles_reading_the_winner_are_given_it(monkeypatch):
    from convert.extract.html.profiles import _PROFILES, _READS_WINNER
    given: dict[str, object] = {}
    for kind in _PROFILES:
        monkeypatch.setitem(_PROFILES, kind, lambda kind, page: given.update({kind: page.found}))
    monkeypatch.setattr(profiles, "page_type", lambda k, signals: (signals["kind"], 1.0, {}))
    page = dom.parse(ARTICLE)
    for kind in _PROFILES:
        profiles.extract(page, {"kind": kind}, None, [], ARTICLE, found="winner")
        assert profiles.reads_winner({"kind": kind}) is (kind in _READS_WINNER)
    assert given == {k: ("winner" if k in _READS_WINNER else None) for k in _PROFILES}


def test_find_content_strips_the_head_only_for_a_caller_keeping_the_page():
    kept = dom.parse(ARTICLE)
    content.find_content(ARTICLE, kept)
    assert kept.head is None or kept.head.css_first("title") is None
    dropped = dom.parse(ARTICLE)
    _, found = content.find_content(ARTICLE, dropped, keep_page=False)
    assert dropped.head.css_first("title") is not None
    assert found is not None and found.nodes[0].tag == "article"


def test_release_heap_is_a_no_op_for_small_pages_and_safe_for_large(monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(dom, "_trim", lambda pad: calls.append(pad))
    dom.release_heap(dom.RELEASE_MIN_BYTES - 1)
    assert calls == []
    dom.release_heap(dom.RELEASE_MIN_BYTES)
    assert calls == [0]
    # the real call (glibc's malloc_trim, or nothing elsewhere) runs without error
    monkeypatch.setattr(dom, "_trim", None)
    dom.release_heap(dom.RELEASE_MIN_BYTES)


# A listing-like page with a <noscript> and a head (synthetic): what the readers' page drops.
LISTING = ("<html><head><title>Parks</title><style>p{}</style></head><body><script>x()</script>"
           "<ul>" + "".join(f"<li><a href='/p{i}'>Park {i}</a> <span>({i})</span></li>"
                            for i in range(8)) + "</ul>" + ARTICLE.split("<body>")[1])


def test_a_consuming_copier_gives_the_tree_first_then_new_parses():
    tree = dom.parse(ARTICLE)
    copy = dom.copier(tree, ARTICLE, consume=True)
    first, second = copy(), copy()
    assert first is tree
    assert second is not tree and second.html == dom.parse(ARTICLE).html
    plain = dom.copier(tree, ARTICLE)()
    assert plain is not tree


def test_page_for_readers_is_the_page_find_content_leaves_its_caller():
    for html in (ARTICLE, LISTING):
        kept = dom.parse(html)
        content.find_content(html, kept)
        assert content.page_for_readers(html).html == kept.html


def test_a_consumed_page_finds_the_same_content():
    _, plain = content.find_content(ARTICLE, dom.parse(ARTICLE), keep_page=False)
    page = dom.parse(ARTICLE)
    tree, consumed = content.find_content(ARTICLE, page, keep_page=False, consume_page=True)
    assert tree is page  # the first pass won, on the page itself
    assert [n.html for n in consumed.nodes] == [n.html for n in plain.nodes]
    # a page kept for the readers is never consumed
    page = dom.parse(ARTICLE)
    tree, _ = content.find_content(ARTICLE, page, keep_page=True, consume_page=True)
    assert tree is not page


def test_a_huge_page_keeps_one_tree_alive_and_gives_a_profile_a_new_parse(monkeypatch):
    # (every page is huge here) the cascade's first pass works on the page's parse, the blocks
    # are built with only the winner's tree alive, and the profile reads a new parse made
    # once that tree is freed: never two trees at once, and the same article.
    monkeypatch.setattr(profiles, "reads_page", lambda signals: True)
    plain = parse_html(ARTICLE.encode())
    monkeypatch.setattr(dom, "RELEASE_MIN_BYTES", 0)
    baseline = _live_trees()
    at_cascade: list[int] = []
    at_build: list[int] = []
    at_profile: list[int] = []
    headless: list[bool] = []
    _spy(monkeypatch, content, "extract_pass", at_cascade)
    _spy(monkeypatch, pipeline.Builder, "blocks_of", at_build)
    real = profiles.extract

    def spy(tree, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        at_profile.append(_live_trees())
        headless.append(tree.head is None or tree.head.css_first("title") is None)
        return real(tree, *args, **kwargs)

    monkeypatch.setattr(profiles, "extract", spy)
    huge = parse_html(ARTICLE.encode())
    assert huge == plain
    assert set(at_cascade) == {baseline + 1}
    assert at_build and set(at_build) == {baseline + 1}
    assert at_profile == [baseline + 1]
    assert headless == [True]  # the page as find_content leaves it for the readers
    # a profile reading the winner has it and the new parse
    monkeypatch.setattr(profiles, "reads_winner", lambda signals: True)
    assert parse_html(ARTICLE.encode()) == plain
    assert at_profile == [baseline + 1, baseline + 2]


def test_no_tree_outlives_the_parse():
    # A cache keyed by nodes (once, a highlighter span's "inside code?" test) keeps every page's
    # tree alive: a batch of 150 pages grew to 200 MB. Nothing of lexbor's survives a parse.
    from selectolax.lexbor import LexborNode

    from convert.textutil import article_text

    page = ("<html><body><article><h1>Title</h1><p>" + "A sentence of the story. " * 30
            + "</p><pre><code>x = 1 <span class='hljs-comment'># a comment</span></code></pre>"
            "<div class='share'>Share this</div></article></body></html>").encode()
    article = parse_html(page)
    assert "a comment" in article_text(article)
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, (LexborHTMLParser, LexborNode))]
