"""A story's summary box: the short points under "Key points", "What we know", "Key
takeaways", "L'essentiel", "Das Wichtigste in Kürze" (a live blog's or a news story's summary,
a tech article's takeaways), printed between the headline and the story.

Each point is one short sentence or phrase, thin in function words, often with a time in it
("... until 21:00"), so the classifier sets the points aside as a menu or a list of teasers and
the run of prose starts below them. The label names them as the story's own summary.
"""

from __future__ import annotations

import re

from convert.extract.ablation import rule
from ..lazyre import lazy
from . import rules as R
from .lines import OPEN_REASONS, Line

KEY_POINTS = rule(
    "text-key-points",
    "the points under a summary label above the story ('Key points', 'What we know', 'Key "
    "takeaways', 'L'essentiel', 'Das Wichtigste in Kürze') are the story's own summary, kept "
    "with their label, though each is short and thin in function words as a menu's items are")

#: The label of a story's summary, alone on its line (a colon may follow).
_LABEL = lazy(
    r"^(?:key (?:points|facts|takeaways|events|updates|developments)|the key points|"
    r"what we know(?: so far)?|what you need to know|what to know|at a glance|in brief|"
    r"takeaways|key moments|highlights|tl;?dr|summary of key points|"
    r"l['’]essentiel|les points (?:clés|essentiels)|ce qu['’]il faut retenir|à retenir|"
    r"das wichtigste(?: in kürze)?|auf einen blick|die wichtigsten punkte|"
    r"lo (?:más|mas) importante|claves|puntos clave|en resumen|lo que sabemos)\s*:?$", re.I)
#: The label lies at most LABEL_ABOVE lines above the story's first kept line (or among the
#: story's lines).
LABEL_ABOVE = 15
#: A point has POINT_WORDS words; at most MAX_POINTS points follow the label, and at least
#: MIN_POINTS of them.
POINT_WORDS = (4, 45)
MAX_POINTS = 10
MIN_POINTS = 2
#: What set a point aside: the classifier (short, thin in function words, far from the run),
#: the time-stamped-teaser rule (a time in it) or the headline-list rule (Title Case).
_POINT_REASONS = (*OPEN_REASONS, "time-stamped-teaser", "headline-list")


def keep_key_points(units: list[Line]) -> None:
    """Keep a summary box's label and points above the story (see :data:`KEY_POINTS`)."""
    if not KEY_POINTS:
        return
    body = next((u.index for u in units if u.keep), None)
    if body is None:
        return
    for u in units[max(0, body - LABEL_ABOVE):body]:
        if u.keep or not _LABEL.match(u.text):
            continue
        points: list[Line] = []
        for v in units[u.index + 1:u.index + 1 + MAX_POINTS]:
            if v.keep or not (POINT_WORDS[0] <= v.words <= POINT_WORDS[1]) \
                    or v.reason not in _POINT_REASONS or v.code or v.cells:
                break
            # (points printed with bullets end at the first line without one: the box's
            # button, "Show key events only")
            if points and bool(R.BULLET.match(points[0].text)) != bool(R.BULLET.match(v.text)):
                break
            points.append(v)
        if len(points) < MIN_POINTS:
            continue
        for v in (u, *points):
            v.keep, v.reason = True, ""
        for v in points:
            v.point = True
        return
