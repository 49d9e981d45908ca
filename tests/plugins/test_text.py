"""The ``txt`` format: the body as plain text, figure captions left out unless asked for."""

from __future__ import annotations

import convert
from convert.formats import RenderOptions

PAGE = b"""<html><head><title>Harbour works</title></head><body><article>
<h1>Harbour works begin</h1>
<p>The harbour authority started dredging the eastern basin on Monday, a project that has
been delayed for three years by disputes over funding and the disposal of the silt.</p>
<figure><img src="https://example.org/dredger.jpg">
<figcaption>The dredger at work in the eastern basin. Photo: Jane Smith</figcaption></figure>
<p>Work is expected to take eight months, during which the ferry will use the western quay,
and fishing boats will moor at the temporary pontoon beside the lifeboat station.</p>
</article></body></html>"""


def test_txt_leaves_captions_out_by_default_and_keeps_them_on_request():
    article = convert.parse(PAGE, kind="html")
    plain = convert.render(article, "txt").decode()
    kept = convert.render(article, "txt", RenderOptions(extra={"captions": "keep"})).decode()
    assert "dredging the eastern basin" in plain and "western quay" in plain
    assert "The dredger at work" not in plain
    assert "The dredger at work in the eastern basin" in kept
    # The caption stays where its figure stands, between the two paragraphs.
    assert kept.index("dredging") < kept.index("The dredger") < kept.index("western quay")
    # Markdown shows the figure with its caption as before.
    assert "The dredger at work" in convert.render(article, "md").decode()
