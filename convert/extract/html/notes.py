"""A text's own apparatus that reads as page chrome by its tag or name: a quotation's
attribution (``<blockquote>…<footer>— <cite>Ann</cite></footer>``) and the footnotes the
text's marks point to (``<sup><a href="#fn1">1</a></sup>`` → ``<section class="footnotes">``).
Pruning and cleaning both ask these before dropping an element."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.extract.ablation import rule

QUOTE_ATTRIBUTION = rule("quote_attribution", "a <footer> inside a <blockquote> is the quote's "
                         "attribution (its <cite>), not page chrome")
LINKED_NOTES = rule("linked_notes", "a block holding the targets of the text's note marks "
                    "(<sup><a href='#fn1'>) is the article's footnotes, kept though named or "
                    "shaped as chrome")

#: A note mark: an in-page link in a superscript (``<sup><a href="#fn1">1</a></sup>``) or one
#: marked as a note reference (DPUB-ARIA's ``doc-noteref``, ``rel="footnote"``).
NOTE_MARKS = 'sup a[href^="#"], a[role="doc-noteref"][href^="#"], a[rel="footnote"][href^="#"]'


def in_quote(node: LexborNode) -> bool:
    """Whether a ``<blockquote>`` encloses the element (HTML's own use of ``<footer>`` there:
    the attribution of the quoted words)."""
    parent = node.parent
    while parent is not None and parent.tag != "body":
        if parent.tag == "blockquote":
            return True
        parent = parent.parent
    return False


def note_targets(root: LexborHTMLParser | LexborNode) -> set[str]:
    """The ids the note marks in ``root`` (a page or an element) point to."""
    return {href[1:] for a in root.css(NOTE_MARKS)
            if len(href := a.attributes.get("href") or "") > 1}


def holds_target(node: LexborNode, targets: set[str]) -> bool:
    """Whether ``node`` is, or holds, an element whose id is one of ``targets`` that no mark
    inside ``node`` itself points to (a note list's back-links and its own cross-references
    do not make it a note list)."""
    if not targets:
        return False
    inside = note_targets(node)
    outer = targets - inside
    if not outer:
        return False
    if (node.attributes.get("id") or "") in outer:
        return True
    return any((n.attributes.get("id") or "") in outer for n in node.css("[id]"))
