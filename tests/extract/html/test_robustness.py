"""HTML extractor on hostile and malformed input: depth, size, encodings, empty pages."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from convert.errors import InputError
from convert.extract.decode import decode
from convert.extract.html.guard import cap_attributes, cap_nesting
from convert.extract.html import parse_html
from convert.textutil import article_text

FIXTURES = Path(__file__).parents[2] / "fixtures" / "html"


def test_deep_unclosed_inline_tags_keep_every_paragraph():
    # 600 paragraphs under unclosed inline tags, 300+ deep: libxml2 drops all below depth 256.
    parts = ["<html><body><div class='article'>"]
    for i in range(600):
        parts.append(f"<span><font><b>Paragraph number {i} of the story, with commas, and words.<p>")
    html = "".join(parts) + "</div></body></html>"
    text = article_text(parse_html(html))
    for i in (0, 299, 599):
        assert f"Paragraph number {i} of the story" in text


def test_hundred_thousand_nested_divs_finish_fast_and_keep_text():
    n = 100_000
    html = ("<html><body>" + "<div>" * n + "<p>The only paragraph, buried very deep, with words.</p>"
            + "</div>" * n + "<p>And one after all of them, also with enough words.</p></body></html>")
    start = time.process_time()
    text = article_text(parse_html(html))
    assert time.process_time() - start < 10
    assert "The only paragraph, buried very deep" in text
    assert "And one after all of them" in text


def test_hundred_thousand_nested_lists_finish_fast_and_keep_text():
    # (<li> never deepens the nesting guard's count: past 1500 lists the items stay, 98k
    # siblings under every one of the lists; the cleaning judged each list by its whole
    # subtree, 25 s for this page before its work was bounded)
    n = 100_000
    lead = "<p>" + "The committee met on Tuesday to discuss the budget and the library. " * 3 + "</p>"
    html = ("<html><body><article><h1>Budget</h1>" + lead + "<ul><li>" * n + "x"
            + "</li></ul>" * n + "</article></body></html>")
    start = time.process_time()
    text = article_text(parse_html(html))
    assert time.process_time() - start < 10
    assert "The committee met on Tuesday" in text


def test_cap_nesting_only_touches_deep_pages():
    shallow = "<div><p>x</p></div>" * 2000
    assert cap_nesting(shallow) is shallow
    deep = "<div>" * 3000 + "text" + "</div>" * 3000
    capped = cap_nesting(deep, limit=100)
    assert capped.count("<div>") == 100 and capped.count("</div>") == 100
    assert "text" in capped


def test_hundred_thousand_attributes_on_one_element_finish_fast():
    attrs = " ".join(f"a{i}='{i}'" for i in range(100_000))
    html = (f"<html><body><article><p {attrs}>Attributes galore on this paragraph.</p>"
            "<p>The committee met on Tuesday to discuss the budget and the library.</p>"
            "</article></body></html>")
    start = time.process_time()
    text = article_text(parse_html(html))
    assert time.process_time() - start < 10
    assert "Attributes galore" in text and "committee met on Tuesday" in text


def test_cap_attributes_keeps_ordinary_and_long_valued_tags():
    ordinary = "<p class='a' id=\"b\" data-x=1>ok</p>" * 1000
    assert cap_attributes(ordinary) is ordinary
    image = '<img src="data:image/png;base64,' + "A" * 20_000 + '" alt="x">'
    assert cap_attributes(image * 2) == image * 2
    many = "<p " + " ".join(f"a{i}=1" for i in range(2000)) + ">t</p>"
    capped = cap_attributes(many, limit=10)
    assert capped.startswith("<p a0=1 a1=1") and capped.count("=") == 10 and capped.endswith(">t</p>")


def test_large_page_is_linear():
    para = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do. " * 5 + "</p>"
    html = "<html><body><nav><a href='/'>Home</a></nav><article>" + para * 10_000 + "</article></body></html>"
    start = time.process_time()
    article = parse_html(html)
    assert time.process_time() - start < 10
    assert len(article.blocks) == 10_000


def test_mis_nested_formatting_follows_html5():
    html = ("<html><body><article><p><b>1<i>2</b>3</i> is how browsers nest it, and this sentence "
            "makes the paragraph long enough.</p></article></body></html>")
    para = parse_html(html).blocks[0]
    # The adoption agency algorithm keeps "3" in italics: <b>1<i>2</i></b><i>3</i>.
    assert para.children[1].type == "emphasis"
    assert para.children[1].children[0].text == "3"


def test_void_elements_do_not_swallow_the_rest():
    html = ("<html><body><article><p>Before the media, a sentence of reasonable length here.</p>"
            "<video><source src='a.mp4'><track src='a.vtt'></video>"
            "<p>inter<wbr>national text after the video, which must survive intact.</p>"
            "<embed src='x.swf'><p>After the embed, one more paragraph of article text.</p>"
            "</article></body></html>")
    text = article_text(parse_html(html))
    assert "international text after the video" in text
    assert "After the embed" in text


def test_chrome_only_page_is_an_error():
    with pytest.raises(InputError, match="no article content found"):
        parse_html((FIXTURES / "chrome_only.html").read_bytes())


@pytest.mark.parametrize("data", [b"", b"   \n ", "<html><body></body></html>",
                                  b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>"])
def test_empty_pages_are_errors(data):
    with pytest.raises(InputError):
        parse_html(data)


def test_script_prose_never_becomes_the_article():
    prose = "This sentence sits in a script, with commas, and reads like an article. " * 20
    html = (f"<html><body><script>var s = '{prose}';</script><style>/* {prose} */</style>"
            "<template><p>" + prose + "</p></template>"
            "<div><p>The visible article is short but real, and it is the only prose here.</p></div>"
            "</body></html>")
    text = article_text(parse_html(html))
    assert "sits in a script" not in text
    assert "The visible article is short but real" in text


def test_utf8_without_meta_is_not_latin1():
    html = "<html><body><article><p>Café crème brûlée — “quoted” text, long enough to count as content.</p></article></body></html>"
    article = parse_html(html.encode("utf-8"))
    assert "Café crème brûlée — “quoted”" in article_text(article)
    assert article.meta.source.encoding == "utf-8"


def test_declared_cp1252_is_decoded_with_curly_quotes():
    html = ("<html><head><meta charset='iso-8859-1'></head><body><article><p>It\x92s a "
            "\x93quoted\x94 word \x96 and caf\xe9, with enough text to be an article.</p>"
            "</article></body></html>").encode("latin-1")
    text = article_text(parse_html(html))
    assert "It’s a “quoted” word – and café" in text


def test_undeclared_cp1252_is_detected():
    body = ("Der Bürgermeister erklärte, dass die Straße im Frühjahr für den Verkehr geöffnet "
            "wird – früher als erwartet. Die Anwohner begrüßten die Entscheidung. ") * 4
    text, encoding = decode(f"<html><body><p>{body}</p></body></html>".encode("cp1252"),
                            markup=True)
    assert "Straße im Frühjahr" in text and "–" in text
    assert encoding in ("cp1252", "iso8859_15", "latin_1") or encoding.startswith("cp125")


def test_nul_and_control_characters():
    html = "<html><body><article><p>Text\x00 with NUL\x01 and controls, long enough to keep.</p></article></body></html>"
    text = article_text(parse_html(html.encode("utf-8")))
    assert "Text with NUL and controls" in text
    assert "\x00" not in text and "\x01" not in text


def test_span_bomb_is_clamped():
    html = ("<html><body><article><p>A table follows this long enough introductory paragraph.</p>"
            "<table><tr><th>a</th><th>b</th></tr><tr><td colspan='9007199254740991'>x</td>"
            "<td rowspan='-4'>y</td></tr></table></article></body></html>")
    table = next(b for b in parse_html(html).blocks if b.type == "table")
    cells = table.body[0].cells
    assert cells[0].colspan == 1000 and cells[1].rowspan == 1


def test_processing_instructions_in_the_body():
    # selectolax gives such nodes no tag name; a stray "<?php ... ?>" once crashed the pruner.
    html = ("<html><body><?php wp_get_archives('type=monthly'); ?><article><p>The article text "
            "stays, with enough words to be content.</p><?xml-stylesheet href='a'?></article>"
            "</body></html>")
    assert "The article text stays" in article_text(parse_html(html))


# ----------------------------------------------------------------------- speed paths, same output

def test_case_folded_patterns_answer_as_ignorecase_ones(monkeypatch):
    # The fast twin reads ASCII text lower-cased; a hit is re-run on the original pattern, so
    # callers get the same match (position, groups, original case) as before.
    import re

    from convert.extract.html import fastmatch
    from convert.extract.html import patterns as P

    monkeypatch.setattr(fastmatch, "WARMUP_CHARS", 0)  # the twins answer from the first call

    texts = ["Post-Content SIDEBAR", "col-md-8", "Share this", "SHARE THIS ARTICLE", "hıdden",
             "ſhare", "nav Main-Nav", "READ MORE »", "Gefällt mir", "", "sr-only x"]
    for name in ("UNLIKELY", "POSITIVE", "NEGATIVE", "HIDDEN_CLASS", "BOILERPLATE_TEXT"):
        folded = getattr(P, name)
        plain = re.compile(folded.pattern, folded.flags)
        for text in texts:
            for method in ("search", "match", "fullmatch"):
                got, want = getattr(folded, method)(text), getattr(plain, method)(text)
                assert (got and (got.span(), got.group())) == (want and (want.span(), want.group()))
            assert folded.sub("-", text) == plain.sub("-", text)
            got, want = folded.search(text, pos=2), plain.search(text, pos=2)
            assert (got and got.span()) == (want and want.span())
            assert folded.found(text) == bool(plain.search(text))
    # A pattern whose character tests change meaning on lower-cased text keeps the slow path.
    from convert.extract.html.fastmatch import Folded, _wordwise, foldable

    assert not foldable(re._parser.parse(r"[@-_]x"))
    assert not foldable(re._parser.parse(r"Ax"))
    assert foldable(re._parser.parse(r"\bads?\b|[a-z0-9-]+|(?:^|\s)hid(?:\s|$)"))
    # Word by word only where no match can hold or look past a space.
    assert _wordwise(re._parser.parse(r"-ad-|\bads?\b|read-?more"))
    assert not _wordwise(re._parser.parse(r"^hid$| hid |[^x]"))
    trie = Folded(re.compile(r"comment|com-|cookie|foot|footer|\bads?\b", re.IGNORECASE))
    for text in ("x-Footer", "COM-x", "the ADS", "leads", "cooki"):
        assert trie.found(text) == bool(trie._re.search(text))


def test_folded_lazy_patterns_warm_up_on_the_original():
    # Lazy patterns (convert.extract.lazyre) are folded too, without compiling them at import;
    # the first WARMUP_CHARS searched are answered by the original, then the twins take over,
    # and the answers are the same before and after.
    import re

    from convert.extract.html import fastmatch
    from convert.extract.lazyre import LazyPattern, lazy

    names = {"WORDS": lazy(r"comment|cookie|\bads?\b", re.IGNORECASE), "CASED": lazy(r"ads"),
             "REAL": re.compile(r"share", re.IGNORECASE)}
    fastmatch.fold_patterns(names)
    folded = names["WORDS"]
    assert isinstance(folded, fastmatch.Folded) and isinstance(names["REAL"], fastmatch.Folded)
    assert isinstance(names["CASED"], LazyPattern)  # not IGNORECASE: left as it is
    assert folded._re._compiled is None  # still not compiled
    plain = re.compile(folded.pattern, re.IGNORECASE)
    texts = ["Cookie-Bar", "the ADS", "leads", "Commentary", "x"]
    assert folded._scan is None
    for _ in range(fastmatch.WARMUP_CHARS // (3 * fastmatch.WARMUP_CALL_CHARS * len(texts)) + 2):
        for text in texts:
            got = folded.search(text)
            assert (got and got.span()) == (plain.search(text) and plain.search(text).span())
            assert folded.found(text) == bool(plain.search(text))
            assert folded.sub("-", text) == plain.sub("-", text)
    assert folded._scan is not None and folded._scan is not folded._re  # the twin was built
    assert type(folded._re) is re.Pattern  # the real pattern answers, not the lazy wrapper


def test_prune_drops_hidden_and_chrome_by_level():
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.prune import prune

    page = ("<html><body><nav>Menu</nav><div class='Sidebar'>Side</div>"
            "<div class='post-sidebar-layout'><p>" + "Article words, " * 40 + "</p></div>"
            "<p hidden>Gone</p><div style='display:none'>Hidden</div><div hidden id='S:0'>Streamed</div>"
            "<span class='sr-only'>Reader</span><ul class='share'><li>Share</li></ul>"
            "<header>Site</header><article><header>Own</header></article><!-- note -->"
            "<script>x()</script></body></html>")

    def text_at(level: int) -> str:
        tree = LexborHTMLParser(page)
        prune(tree, level)
        return tree.body.text(deep=True)

    strict, relaxed, loose = text_at(0), text_at(1), text_at(2)
    for gone in ("Gone", "Hidden", "Reader", "x()"):
        assert gone not in strict and gone not in loose
    for kept in ("Streamed", "Article words", "Own"):
        assert kept in strict and kept in loose
    assert "Menu" not in strict and "Site" not in strict and "Side" not in strict
    assert "Share" not in strict
    assert "Menu" not in relaxed and "Side" in relaxed and "Share" in relaxed
    assert "Menu" in loose and "Site" in loose
    tree = LexborHTMLParser(page)
    prune(tree, 2)
    assert "<!--" not in tree.body.html


def test_depth_bound_lets_wide_pages_through_and_catches_deep_ones():
    from convert.extract.html.guard import _shallow

    wide = "<div><p>para</p><span>x</span></div>" * 5000
    assert _shallow(wide, 1500) and cap_nesting(wide) is wide
    # Flat elements never deepen; their unclosed runs must not look deep.
    assert _shallow("<p>x<li>y<br><img src=a>" * 5000, 1500)
    deep = "<div>" * 3000 + "core" + "</div>" * 3000
    assert not _shallow(deep, 1500)
    assert cap_nesting(deep).count("<div>") == 1500
    # Deep across chunk boundaries, with balanced noise in between.
    noisy = ("<section>" + "<b>t</b>" * 3) * 2000 + "core" + "</section>" * 2000
    assert not _shallow(noisy, 1500)


def test_attribute_cap_leaves_long_tags_with_few_attributes_alone():
    page = "<p>x</p>" * 2000 + "<img data-x='" + "y" * 6000 + "' src=a.png><p>after</p>"
    assert cap_attributes(page) is page
    bomb = "<p>x</p>" * 2000 + "<div " + " ".join(f"a{i}=1" for i in range(3000)) + ">t</div>"
    assert cap_attributes(bomb).count("=1") == 512


def test_folded_needles_answer_like_the_original(monkeypatch):
    # A Folded pattern whose every match holds one of a few strings (its needles) answers an
    # ASCII text holding none of them without a regex: the same answers as the original, for
    # texts with and without the needles, in any case.
    import re

    from convert.extract.html import fastmatch
    from convert.extract.html import patterns as P
    from convert.extract.html.fastmatch import needles

    parse = re._parser.parse
    assert needles(parse(r"\bcookie (?:policy|settings)\b|we use cookies")) == {
        "cookie ", "we use cookies"}
    assert needles(parse(r"ads?x|(?:fo)+bar")) == {"ad", "bar"}
    assert needles(parse(r"(?:one)?two")) == {"two"}
    assert needles(parse(r"x|[a-z]+")) is None  # a branch with no literal: none known
    assert needles(parse(r"a*")) is None

    texts = ["We use cookies on this site", "WE USE COOKIES.", "cookie policy", "Cookie-Bar",
             "a plain paragraph of prose, nothing more", "display: none", "DISPLAY:NONE",
             "visually-hidden sr-only", "Photo: Jane Doe", "hidden", "data:image/png", "",
             "Nous utilisons des cookies", "wall", "paywall", "Twitter-Tweet embed"]
    for name in ("CONSENT_TEXT", "HIDDEN_CLASS", "HIDDEN_STYLE", "PLACEHOLDER_IMAGE",
                 "CREDIT_CLASS", "EMBED", "GATE", "TITLE_WORDS", "WEAK_NEGATIVE", "COMMENTS"):
        folded = getattr(P, name)
        monkeypatch.setattr(fastmatch, "WARMUP_CHARS", 0)
        folded.search("x")  # past the warm-up: the twins and needles are built
        assert folded._needles, name
        plain = re.compile(folded.pattern, folded.flags)
        for text in texts:
            got, want = folded.search(text), plain.search(text)
            assert (got and got.span()) == (want and want.span()), (name, text)
            assert folded.sub("-", text) == plain.sub("-", text)
            assert folded.found(text) == bool(want)


def test_prune_walk_goes_on_after_each_pruned_subtree():
    # The walk skips a pruned element's subtree and goes on with what follows it at every
    # level: its siblings, then its ancestors' siblings (and a given body length decides
    # like a measured one).
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.measure import visible_chars
    from convert.extract.html.prune import prune

    page = ("<html><body><div><div class='sidebar'><p>S1</p><nav>inner</nav></div>"
            "<div><p>keep one</p><div class='share'>S2</div><!-- c --><p hidden>S3</p></div>"
            "</div><div class='related'><div class='inner'>S4</div></div><p>keep two</p>"
            "<section><div><div><nav>S5</nav></div></div></section><footer>S6</footer>"
            "</body></html>")
    texts = []
    for given in (False, True):
        tree = LexborHTMLParser(page)
        chars = visible_chars(tree.body.text(deep=True)) if given else None
        prune(tree, 0, body_chars=chars)
        texts.append(tree.body.text(deep=True))
        assert "<!--" not in tree.body.html
    assert texts[0] == texts[1] == "keep onekeep two"
