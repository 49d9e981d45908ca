"""The page-feedback widget (:mod:`convert.extract.html.feedback`, rule feedback_widgets)."""

from __future__ import annotations

from convert.extract.html import feedback
from convert.extract.html.dom import parse
from convert.extract.html.measure import STRICT
from convert.extract.html.prune import prune

# synthetic, in the style of Docsy's feedback block (its buttons stripped by then) and of a
# help centre's; a review's "Was this review helpful?" and a sentence asking it are text.
_PAGE = ("<html><body><div class='td-content'><p>Collectors share nothing, so any load "
         "balancer works for them.</p><div class='d-print-none'><h2 class='feedback--title'>"
         "Feedback</h2><p class='feedback--question'>Was this page helpful?</p><p>Glad to hear "
         "it! Please <a href='/issues'>tell us how we can improve</a>.</p></div>"
         "<div class='review'><p>Sturdy and light.</p><span>Was this review helpful?</span></div>"
         "<p>Ask yourself: was this page helpful to the reader you had in mind when you wrote "
         "it, and would they come back to it?</p></div></body></html>")


def _text(html: str) -> str:
    tree = parse(html)
    prune(tree, STRICT)
    return tree.body.text()


def test_a_feedback_widget_leaves_with_its_heading_and_thanks():
    text = _text(_PAGE)
    assert "Feedback" not in text and "Was this page helpful?" not in text
    assert "Glad to hear" not in text
    assert "Was this review helpful?" in text and "Ask yourself" in text
    assert "load balancer" in text


def test_feedback_widgets_off_keeps_it(monkeypatch):
    monkeypatch.setattr(feedback, "FEEDBACK_WIDGETS", False)
    assert "Was this page helpful?" in _text(_PAGE)
