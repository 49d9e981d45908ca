"""A synthetic news story for the tests of what leaves an article's body (related-links boxes,
link runs, comment threads): paragraphs of plain prose about harbour works, and a page holding
them under a headline with whatever tail a test appends."""

from __future__ import annotations


def story(paragraphs: int = 5) -> str:
    """``paragraphs`` paragraphs of the story's prose."""
    return "".join(
        f"<p>Paragraph {i} of the story: the harbour authority said the dredging of the eastern "
        f"basin would stay within the budget agreed last spring, and that the quay would reopen "
        f"in May, weather permitting.</p>" for i in range(paragraphs))


def story_page(tail: str, paragraphs: int = 5) -> str:
    """A page: the headline, the story, then ``tail`` in the same wrapper."""
    return ("<html><head><title>Harbour works</title></head><body><div class='content'>"
            "<h1>Harbour works begin on the eastern basin</h1>" + story(paragraphs) + tail
            + "</div></body></html>")
