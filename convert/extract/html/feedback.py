"""A documentation or help page's feedback widget ("Was this page helpful? Yes No"): the
site's question to its reader about the page, printed once under the text, never the text.

Docs engines print it as a small block of the question, its answer buttons and the thanks
shown after an answer (Docsy's ``.feedback--*``, MkDocs Material's ``md-feedback``, GitBook's,
MDN's); its class names vary, and "feedback" names a product's customer feedback as well, so
the block is found by its question and its buttons, not its name.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from ..lazyre import lazy

__all__ = ["feedback_widgets", "FEEDBACK_WIDGETS"]

FEEDBACK_WIDGETS = rule("feedback_widgets", "a page-feedback widget ('Was this page helpful?' "
                        "and its answer buttons) is the site's question, not the page's text")

#: Cheap test of the page's lower-cased text before any element is read: the question's
#: words, which any element whose text is the question (:data:`_PROMPT`) holds. (A plain
#: pattern over lower-cased text: "useful" alone is a common word, and a case-blind scan of
#: the whole text cost more than the walk it saved.)
_HINT = lazy(r"(?:was|is|did you find) this (?:(?:page|article|post|guide|tutorial|"
             r"information|content|documentation|doc|topic|section) )?(?:helpful|useful)")
#: The question, the whole of an element's text (as the text dumps' rule reads it: a review's
#: "Was this review helpful?" is not one).
_PROMPT = lazy(r"\s*(?:was|is|did you find) this (?:page|article|post|guide|tutorial|"
               r"information|content|documentation|doc|topic|section)(?: helpful| useful)"
               r"(?: to you)?\s*\??\s*|\s*(?:was|is) this (?:helpful|useful)\s*\??\s*",
               re.IGNORECASE)
#: The widget holds at most this many characters (question, answers, thanks, a link to say
#: more); more is a section that asks the question among other things.
WIDGET_MAX_CHARS = 200
#: ... of which the question is at least this share.
WIDGET_PROMPT_SHARE = 0.2
#: How far above the question the widget's block may be.
WIDGET_LEVELS = 2


def feedback_widgets(body: LexborNode) -> list[LexborNode]:
    """The feedback widgets under ``body``: for each element whose text is the question, its
    highest ancestor (up to :data:`WIDGET_LEVELS` up) of at most :data:`WIDGET_MAX_CHARS`
    characters, the question a fifth of them at least (its heading "Feedback", the thanks
    shown after an answer, the page's "Last updated" beside it), else the question alone.
    (Its buttons are stripped before the pruning: the question and its size find it.)"""
    if not FEEDBACK_WIDGETS:
        return []
    if not _HINT.search((body.text(deep=True) or "").lower()):
        return []
    found: list[LexborNode] = []
    seen: set[int] = set()
    for node in body.css("p, span, label, legend, div, h2, h3, h4, h5, h6, strong, b"):
        text = node.text(deep=True) or ""
        if len(text) > 80 or not _PROMPT.fullmatch(text):
            continue
        asked = len(text.strip())
        widget = node
        up = node.parent
        for _ in range(WIDGET_LEVELS):
            if up is None or up.tag in ("body", "html", "main", "article"):
                break
            n = len(" ".join((up.text(deep=True) or "").split()))
            if n > WIDGET_MAX_CHARS or asked < WIDGET_PROMPT_SHARE * n:
                break
            widget = up
            up = up.parent
        if widget.mem_id not in seen and not any(_inside(widget, w) for w in found):
            seen.add(widget.mem_id)
            found.append(widget)
    return found


def _inside(node: LexborNode, other: LexborNode) -> bool:
    up = node.parent
    while up is not None:
        if up.mem_id == other.mem_id:
            return True
        up = up.parent
    return False
