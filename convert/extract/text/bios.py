"""An author's box printed at the end of the body: the author's name on a line of its own, then
the bio, which opens with that name ("Lauren Vetter" / "Lauren Vetter is a growth-focused
marketing professional ..."). The one-line bio with no name above it is
:func:`.pipeline._drop_tail_bio`'s; a box under an "About the author" label is
:func:`.runs.drop_author_boxes`'."""

from __future__ import annotations

import re

from convert.extract.ablation import rule

from .lines import Line, drop

TAIL_NAME_BIO = rule(
    "text-tail-name-bio",
    "the author's name on a line of its own among the body's last lines, over a paragraph "
    "that opens with that name and says who they are ('Lauren Vetter' / 'Lauren Vetter is a "
    "growth-focused marketing professional ...', 'Isabella Tabacchi's lens captures ...') is "
    "the author's box below the article, not its text")
#: The name is looked for among the body's last TAIL_LINES kept lines, below at least
#: ABOVE_LINES kept lines of at least ABOVE_WORDS words (an article above it); its bio is one
#: of the BIO_WINDOW kept lines below it, with at least BIO_MIN_WORDS words.
TAIL_LINES = 6
ABOVE_LINES = 3
ABOVE_WORDS = 18
BIO_WINDOW = 2
BIO_MIN_WORDS = 10
#: A person's name: two or three capitalised words without digits, "Meet" allowed before it
#: ("Meet Trevor Jones"; "About Georgetown University Medical Center" over the boilerplate
#: of a press release is not an author's box, and the golds keep it).
_NAME = re.compile(r"^(?:Meet )?([A-Z][^\W\d_]*[.'’-]?[^\W\d_]*"
                   r"(?: [A-Z][^\W\d_]*[.'’-]?[^\W\d_]*){1,2})$")
#: ... and what a bio says of it after the name (or the first name), an aside in brackets
#: allowed ("Rebecca (Bec) is a seasoned ..."): a possessive or a verb of who they are.
_BIO_VERB = (r"(?: \([^)]*\))?(?:['’]s\b| (?:is|was|has|brings|specializes|holds|lives|loves|"
             r"writes|covers|joined|stands)\b)")


def drop_named_bio(units: list[Line]) -> None:
    """Drop the author's name line and its bio below the article (see :data:`TAIL_NAME_BIO`)."""
    if not TAIL_NAME_BIO:
        return
    kept = [u for u in units if u.keep]
    first = max(0, len(kept) - TAIL_LINES)
    for j in range(first, len(kept)):
        u = kept[j]
        m = _NAME.match(u.text)
        if not m or sum(1 for v in kept[:j] if v.words >= ABOVE_WORDS) < ABOVE_LINES:
            continue
        name = m.group(1)
        opens = re.compile(f"^(?:{re.escape(name)}|{re.escape(name.split()[0])}){_BIO_VERB}")
        below = kept[j + 1:j + 1 + BIO_WINDOW]
        bios = [v for v in below if v.words >= BIO_MIN_WORDS and opens.match(v.text)]
        if not bios:
            continue
        # (the lines between the name and the bio: the author's role, "Tech Writer")
        last = bios[-1].index
        for v in kept:
            if u.index <= v.index <= last or (v.index > last and opens.match(v.text)):
                drop(v, "author-bio")
        return
