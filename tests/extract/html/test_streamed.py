"""The late segments of a streamed server render (:mod:`convert.extract.html.streamed`); the
pipeline's use of it, on every page, is in test_pipeline.py."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.streamed import reveal_streamed


def test_streamed_segments_are_put_in_their_placeholders_and_shown():
    # React's streaming render: the specifications arrive late in a hidden S: segment that a
    # script moves into the P: placeholder (wcxb-dev 0620, tune, has 39 such placeholders).
    html = ("<html><body><main><h1>Vinyl Executive Chair</h1><div id='specs'>"
            "<template id='P:2e'></template></div><p>Ships in 2 days.</p></main>"
            "<div hidden id='S:2e'><dl><dt>Seat height</dt><dd>20 in</dd></dl></div>"
            "<div hidden id='S:31'><p>Orphan segment text</p></div></body></html>")
    tree = LexborHTMLParser(html)
    assert reveal_streamed(tree.body)
    body = tree.body
    specs = body.css_first("#specs")
    assert "Seat height" in specs.text() and specs.css_first("template") is None
    assert body.css_first("[hidden]") is None
    assert "Orphan segment text" in body.text()


def test_streamed_segments_sharing_an_id_are_all_kept():
    # A placeholder fills once: a second segment of the same id must not be moved into the
    # freed placeholder (and lost with it), but shown in place.
    html = ('<body><main><p>a</p><template id="P:1"></template><p>b</p></main>'
            + "".join(f'<div hidden id="S:1"><p>seg{i}</p></div>' for i in range(3)) + "</body>")
    tree = LexborHTMLParser(html)
    assert reveal_streamed(tree.body)
    text = tree.body.text(separator=" ")
    assert all(f"seg{i}" in text for i in range(3))
    assert tree.body.css_first("main").text(separator=" ").split() == ["a", "seg2", "b"]


def test_a_streamed_segment_whose_placeholder_came_in_a_later_segment_is_kept():
    # S:2 moves first (last first) and is copied: the placeholder P:1 it carried is a new
    # node, the one found before the move is freed with the original.
    html = ('<body><main><p>a</p><template id="P:2"></template></main>'
            '<div hidden id="S:1"><p>one</p></div>'
            '<div hidden id="S:2"><p>two</p><template id="P:1"></template></div></body>')
    tree = LexborHTMLParser(html)
    assert reveal_streamed(tree.body)
    assert tree.body.css_first("main").text(separator=" ").split() == ["a", "two", "one"]
    assert tree.body.css("div[hidden]") == []


def test_streamed_code_blocks_are_put_in_place():
    # Shaped after a GitBook page (wcxb-dev 0498): the code block is a late segment of the
    # streamed render, hidden at the end of the body, its placeholder where it belongs.
    page = ("<html><body><main><h1>Guide</h1><p>The code is available as a module:</p>"
            "<template id='B:3'></template><p>Then run the exercises.</p></main>"
            "<div hidden id='S:3'><pre><code>$ npm i @mostly-adequate/support</code></pre>"
            "</div></body></html>")
    tree = LexborHTMLParser(page)
    assert reveal_streamed(tree.body)
    pre = tree.css_first("main pre")
    assert pre is not None and "npm i" in pre.text()
    assert "hidden" not in pre.parent.attributes
