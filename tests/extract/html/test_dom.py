"""Parsing once and copying the tree: convert.extract.html.dom (parse, utf8_markup, copier,
strip_elements) and the cascade's use of them in convert.extract.html.content."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html import content
from convert.extract.html import patterns as P
from convert.extract.html.dom import copier, parse, strip_elements, subtree_sizes, utf8_markup
from convert.extract.html.prune import PASS_DROP

PAGE = ("<!DOCTYPE html><html><head><title>Notes</title><meta name=x content=y></head><body>"
        "<template id=row><p>inside the template</p></template>"
        "<svg viewBox='0 0 1 1'><clipPath id=c><rect/></clipPath></svg>"
        "<article><h1>Night trains</h1><p>Prague–Zürich, überfüllt, 12 h.</p>"
        "<script>var x = 1;</script><p>Second <a href='#n'>note</a>.</p></article></body></html>")


def test_parse_reads_a_str_as_its_utf8_bytes():
    assert parse(PAGE).html == parse(PAGE.encode("utf-8")).html == LexborHTMLParser(PAGE).html


def test_utf8_markup_is_the_input_when_it_was_strict_utf8():
    data = PAGE.encode("utf-8")
    text = data.decode("utf-8")
    assert utf8_markup(data, text, text, "utf-8") is data
    # A guard changed the text, a BOM led it, a broken byte was replaced, another codec:
    assert utf8_markup(data, text, text + " ", "utf-8") == (text + " ").encode()
    bom = b"\xef\xbb\xbf" + data
    assert utf8_markup(bom, text, text, "utf-8") == data
    broken = data + b"\xff"
    replaced = broken.decode("utf-8", "replace")
    assert utf8_markup(broken, replaced, replaced, "utf-8") == replaced.encode("utf-8")
    latin = PAGE.encode("utf-8").decode("cp1252")
    assert utf8_markup(PAGE.encode("utf-8"), latin, latin, "cp1252") == latin.encode("utf-8")


def test_a_copy_of_the_stripped_page_is_a_fresh_stripped_parse():
    # lexbor's clone drops what a <template> holds and lowercases SVG tag names (clipPath):
    # both are stripped before the tree is copied, so the copy equals a fresh parse, stripped.
    tree = parse(PAGE)
    assert "inside the template" not in tree.clone().html
    strip_elements(tree, frozenset(PASS_DROP.split(",")))
    fresh = LexborHTMLParser(PAGE)
    for node in fresh.css(PASS_DROP):
        node.decompose(recursive=False)
    copy = copier(tree, PAGE)
    assert copy().html == copy().html == fresh.html == tree.html
    assert "<title>Notes</title>" in tree.html and "script" not in tree.html


def test_copier_parses_again_when_lexbor_cannot_clone():
    # (wcxb-dev 0076 opens with this doctype; lexbor fails to clone the document)
    page = '<!DOCTYPE html\n  SYSTEM "HTML">\n<html><body><p>One paragraph.</p></body></html>'
    tree = parse(page)
    prepared = []
    copy = copier(tree, page, prepared.append)
    first, second = copy(), copy()
    assert first is not second and prepared == [first, second]
    assert first.html == second.html == tree.html


def test_strip_elements_removes_what_the_selector_walk_removed():
    names = frozenset(PASS_DROP.split(","))
    walked = parse(PAGE)
    strip_elements(walked, names)
    selected = parse(PAGE)
    for node in selected.css(PASS_DROP):
        node.decompose(recursive=False)
    assert walked.html == selected.html


def test_find_content_leaves_the_page_stripped_of_never_content_elements():
    page = parse(PAGE)
    content.find_content(PAGE, page)
    expected = LexborHTMLParser(PAGE)
    expected.strip_tags(list(P.DROP_TAGS - {"-comment"}))
    assert page.html == expected.html


def test_word_key_of_ascii_text_is_the_regex_words():
    # The ASCII fast path (a byte table) gives the words ``\w+`` finds, case-folded.
    import re

    from convert.extract.html.dom import word_key

    for text in ["Hello, World!", "snake_case and CamelCase 42x", "a\x1cb\x1f c\td\ne",
                 "  --  ", "", "l'été à Paris", "Straße STRASSE", "K\u212a", "x\u00a0y"]:
        assert word_key(text) == " ".join(re.findall(r"\w+", text.casefold())), text


def test_has_descendant_looks_below_the_node_only():
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.dom import has_descendant

    tree = LexborHTMLParser("<div id=a><div id=b>x</div><p><span id=c>y</span></p></div>"
                            "<table id=t><tr><td><table id=u><tr><td>z</table></table>")
    a, b, t, u = (tree.css_first("#" + i) for i in "abtu")
    assert has_descendant(a, "div") and has_descendant(a, "span, pre")
    assert not has_descendant(b, "div") and not has_descendant(a, "table")
    # the node matching itself (the first match) is no answer: what is below it is
    assert has_descendant(t, "table") and not has_descendant(u, "table")
    assert has_descendant(t, "td") and not has_descendant(u, "table, h1")


def test_following_is_the_walk_of_the_root_from_the_start_node_on():
    from pathlib import Path

    from convert.extract.html.dom import following

    pages = [b"<body><nav><a>x</a></nav><h1>a</h1>text<!--c--><p>x<b>y</b></p>tail</body>",
             b"<body><div><div><h1>deep</h1></div><p>after</p></div><footer>f</footer></body>"]
    pages += [p.read_bytes() for p in sorted(
        (Path(__file__).resolve().parents[2] / "fixtures" / "html").glob("*.html"))]
    for data in pages:
        tree = LexborHTMLParser(data)
        body, h1 = tree.body, tree.css_first("h1")
        if h1 is None:
            continue
        walk = [n.mem_id for n in body.traverse(include_text=True)]
        assert [n.mem_id for n in following(h1, body)] == walk[walk.index(h1.mem_id):]


def test_hiding_class_is_the_patterns_answer():
    # The substring test in front of the pattern (ASCII values only) answers as the pattern
    # does: hiding words in any case and place, look-alikes ("hidden-xs" is no word of it,
    # "d-none" is), and non-ASCII values, which go to the pattern as they are.
    from convert.extract.html.dom import _hiding_class

    for cls in ["hidden", "Hidden", "card HIDE", "d-none", "is-hidden x", "sr-only",
                "Visually-Hidden", "screen-reader-text", "screenreader", "invisible",
                "offscreen", "hidden-xs", "unhidden", "nonexistent", "entry-content post",
                "", "  ", "sr-only-focusable", "d-none\td-md-block", "caf\u00e9 hidden",
                "\u0130nvisible", "invi\u017f\u017fible", "hidde\u212a", "screen\u00a0x"]:
        _hiding_class.cache_clear()
        assert _hiding_class(cls) == bool(P.HIDDEN_CLASS.search(cls)), cls


def test_subtree_sizes_count_each_elements_nodes_itself_included():
    tree = LexborHTMLParser("<div id=a><p id=b>x<b id=c>y</b></p><!-- note --><ul id=d>"
                            "<li id=e></li><li id=f></li></ul></div>")
    root = tree.css_first("#a")
    sizes = subtree_sizes(root)
    by_id = {n.attributes["id"]: sizes[n.mem_id] for n in root.css("[id]")}
    # (six elements and the comment, a node of the walk too)
    assert by_id == {"a": 7, "b": 2, "c": 1, "d": 3, "e": 1, "f": 1}


_MATH = ("<html><body><article><h1>Attention</h1><p>" + "The model reads every token at once. " * 8
         + "</p><p>Keys have dimension <math alttext='d_{k}'><semantics><msub><mi>d</mi><mi>k</mi>"
         "</msub><annotation encoding='application/x-tex'>d_{k}</annotation></semantics></math>"
         " and values <math alttext='{\\displaystyle d_{v}}'><mi>d</mi></math>, while "
         "<math><mi>x</mi></math> has no source.</p><p>" + "Then it sums the values. " * 8
         + "</p></article></body></html>")


def test_math_leaves_its_tex_source_as_code():
    # (rule math_as_code) LaTeXML / MathML formulas were dropped with the never-content
    # elements, leaving "dimension , and values"; MediaWiki's {\displaystyle ...} is unwrapped.
    from convert.extract.html import parse_html
    from convert.textutil import article_text
    text = article_text(parse_html(_MATH.encode()))
    assert "dimension d_{k} and values d_{v}, while has no source" in text


def test_math_as_code_off_drops_the_formula(monkeypatch):
    from convert.extract.html import dom, parse_html, prune
    from convert.textutil import article_text
    monkeypatch.setattr(dom, "MATH_AS_CODE", False)
    monkeypatch.setattr(prune, "MATH_AS_CODE", False)
    assert "d_{k}" not in article_text(parse_html(_MATH.encode()))


# Synthetic, in the style of a Jekyll blog whose kramdown writes MathJax 2 scripts, and of the
# same page saved after MathJax typeset it (its output span stands before each script).
_MATH_SCRIPT = ("<html><body><article><h1>Least squares</h1><p>"
                + "We fit a line to the points by least squares. " * 8
                + "</p><p>The error is <script type='math/tex'>\\sum_i e_i^2</script> and the "
                "fit solves <script type='math/tex; mode=display'>A^T A x = A^T b</script> "
                "for x; typeset: <span class='MathJax' id='MathJax-Element-3-Frame'>y = ax</span>"
                "<script type='math/tex' id='MathJax-Element-3'>y = ax</script>.</p><p>"
                + "Then the residuals are checked. " * 8 + "</p></article></body></html>")


def test_a_mathjax_script_leaves_its_tex_as_code_once():
    # (rule math_script_as_code) the formula was dropped with the scripts: "The error is and".
    from convert.extract.html import parse_html
    from convert.textutil import article_text
    text = article_text(parse_html(_MATH_SCRIPT.encode()))
    assert "The error is \\sum_i e_i^2 and the fit solves A^T A x = A^T b for x" in text
    assert text.count("y = ax") == 1


def test_math_script_as_code_off_drops_the_formula(monkeypatch):
    from convert.extract.html import dom, parse_html, prune
    from convert.textutil import article_text
    monkeypatch.setattr(dom, "MATH_SCRIPT_AS_CODE", False)
    monkeypatch.setattr(prune, "MATH_SCRIPT_AS_CODE", False)
    assert "e_i^2" not in article_text(parse_html(_MATH_SCRIPT.encode()))
