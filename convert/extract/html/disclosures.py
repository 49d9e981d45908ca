"""FAQ accordions opened as their reader opens them (rule ``disclosures``).

An FAQ or accordion prints each question as a toggle button in a heading
(``<h3><button aria-controls="a1">How do I renew?</button></h3>``) and its answer in a panel
the page hides until the button is pressed (``<div id="a1" hidden>``). A parse presses
nothing: buttons are never content and hidden elements are pruned, so the questions and the
answers, the page's text, would both be lost. The pipeline opens them once per page, before
anything reads the tree, as it reveals a streamed render's segments (:mod:`.streamed`).

Only a toggle that reads as a question or a heading opens its panel: a menu's or a cart's
toggle (``aria-controls`` on a navigation button) leaves its hidden drawer hidden.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from . import patterns as P

__all__ = ["DISCLOSURES", "open_disclosures"]

DISCLOSURES = rule("disclosures", "an accordion's toggle in a heading is the heading's text and "
                   "the hidden panel it controls (an FAQ's answer) is shown")

#: A toggle's heading is at most this many elements above it (``h3 > span > button``).
_HEADING_UP = 3
#: What a heading's toggle may sit in: headings, an FAQ's definition term.
_HEADINGS = P.HEADING_TAGS | {"dt"}
_BUTTONS_IN_HEADINGS = ",".join(f"{h} button" for h in sorted(_HEADINGS))


def open_disclosures(body: LexborNode) -> bool:
    """Show the panels that the page's question and heading toggles control, and let the
    toggles in headings read as the headings' text; whether anything changed."""
    changed = False
    for toggle in body.css("[aria-controls],[data-bs-target],[data-target]"):
        if not _question_toggle(toggle):
            continue
        attrs = toggle.attributes
        targets = (attrs.get("aria-controls") or "").split() + [
            t[1:] for t in ((attrs.get("data-bs-target") or "") + " " + (attrs.get("data-target")
                            or "")).split() if t.startswith("#")]
        for ident in targets:
            panel = body.css_first(f'[id="{ident}"]') if ident and '"' not in ident else None
            if panel is not None and _show(panel):
                changed = True
    for button in body.css(_BUTTONS_IN_HEADINGS):
        heading = button.parent
        while heading is not None and heading.tag not in _HEADINGS:
            heading = heading.parent
        if heading is not None and "class" in heading.attrs:
            # (its class names the accordion's parts, "accordion-header", not page chrome)
            del heading.attrs["class"]
        button.unwrap()
        changed = True
    return changed


def _question_toggle(node: LexborNode) -> bool:
    """A toggle inside a heading (or a definition term), or one whose text asks a question."""
    parent, up = node, 0
    while parent is not None and up <= _HEADING_UP:
        if parent.tag in _HEADINGS:
            return True
        parent, up = parent.parent, up + 1
    return (node.text(deep=True) or "").rstrip().endswith("?")


def _show(panel: LexborNode) -> bool:
    """Drop what hides the panel (the ``hidden`` attribute, ``aria-hidden``, a hiding inline
    style or class token); whether it was hidden."""
    attrs = panel.attrs
    shown = False
    for name in ("hidden", "aria-hidden"):
        if name in attrs:
            del attrs[name]
            shown = True
    style = attrs.get("style")
    if style and P.HIDDEN_STYLE.search(style):
        attrs["style"] = P.HIDDEN_STYLE.sub("", style)
        shown = True
    cls = attrs.get("class")
    if cls and P.HIDDEN_CLASS.search(cls):
        attrs["class"] = " ".join(t for t in cls.split() if not P.HIDDEN_CLASS.fullmatch(t))
        shown = True
    return shown
