"""The winner's siblings that belong to the article: Readability's sibling pass.

Once :func:`.scoring.pick` has chosen the winner, its siblings join it when they score a share
of it (more easily when they share its class), when they are unscored paragraphs reading as
prose, or when they are a lead wrapper right above it. Named boilerplate and lists of other
stories' teasers never join, and nothing after an ``<article>`` winner does.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from . import patterns as P
from .chrome import named_chrome
from .dom import children, has_descendant
from .measure import Candidate, label, link_density, text_len
from .scoring import READ_ON
from .thresholds import (
    LEAD_MAX_CHARS, LEAD_MAX_DENSITY, LEAD_MAX_PARAGRAPHS, LEAD_MIN_CHARS, LEAD_PROSE_SHARE,
    PROSE_SIBLING_CHARS, PROSE_SIBLING_DENSITY, SAME_CLASS_BONUS, SIBLING_MIN_SCORE,
    SIBLING_SHARE,
)
from ..lazyre import lazy

SCORED_SIBLINGS = rule("scored_siblings", "siblings scoring a share of the winner join it")
SAME_CLASS_BONUS_RULE = rule("same_class_bonus", "a sibling of the winner's class gets a bonus")
PROSE_SIBLINGS = rule("prose_siblings", "unscored sibling paragraphs reading as prose join "
                      "the winner")
LEAD_WRAPPER = rule("lead_wrapper", "a lead wrapper right above the winner joins it")
SIBLING_CHROME = rule("sibling_chrome", "siblings named as boilerplate never join")
TEASER_SIBLINGS = rule("teaser_siblings", "a sibling holding several teasers that each end in "
                       "a 'Read more' link is a list of other stories, never joined")
ARTICLE_STOPS_SIBLINGS = rule("article_stops_siblings", "nothing after an <article> winner "
                              "joins it")

_BLOCK_SELECTOR = ",".join(sorted(P.BLOCK_TAGS - {"body", "html"}))


def siblings(top: Candidate, candidates: dict[int, Candidate]) -> list[LexborNode]:
    """The winner with the siblings that belong to the article, in page order: siblings scoring
    at least :data:`.thresholds.SIBLING_SHARE` of the winner (more easily when they share its
    class), unscored paragraphs that read as prose, and a lead wrapper right above it. Named
    boilerplate never joins, and nothing after an ``<article>`` winner does."""
    parent = top.node.parent
    if parent is None:
        return [top.node]
    threshold = max(SIBLING_MIN_SCORE, top.score * SIBLING_SHARE)
    top_class = top.node.attributes.get("class")
    out: list[LexborNode] = []
    before = True
    # A lead wrapper above the winner, kept while only pictures stand between the two.
    lead: LexborNode | None = None
    for sib in children(parent):
        if sib.mem_id == top.node.mem_id:
            if lead is not None:
                out.append(lead)
            out.append(sib)
            if sib.tag == "article" and ARTICLE_STOPS_SIBLINGS:
                # An <article> is the whole story: what follows it is the page's (author
                # bios, comment-form notices, site footers); what precedes may still be its
                # lead or lead figure.
                break
            before = False
            continue
        if (sib.tag or "-").startswith("-"):
            continue
        if before and lead is not None and text_len(sib) and not has_descendant(
                sib, "img, picture, figure, video"):
            lead = None
        if SIBLING_CHROME and named_chrome(sib):
            # (A related-posts block scores like prose: its name says what it is.)
            continue
        if TEASER_SIBLINGS and _teaser_list(sib):
            # (Teasers' summaries read as prose and score like it: their links say what
            # they are.)
            continue
        cand = candidates.get(sib.mem_id)
        bonus = (top.score * SAME_CLASS_BONUS
                 if SAME_CLASS_BONUS_RULE and top_class and sib.attributes.get("class") == top_class else 0)
        if cand is not None:
            if not cand.length:
                cand.length = text_len(sib)
                cand.density = link_density(sib, cand.length)
                cand.score *= 1 - cand.density
            if SCORED_SIBLINGS and cand.score + bonus >= threshold:
                out.append(sib)
                continue
        if sib.tag == "p" or (sib.tag in ("div", "section") and not has_descendant(
                sib, _BLOCK_SELECTOR)):
            if not PROSE_SIBLINGS:
                continue
            length = text_len(sib)
            density = link_density(sib, length)
            text = sib.text(deep=True).strip()
            if length > PROSE_SIBLING_CHARS and density < PROSE_SIBLING_DENSITY:
                out.append(sib)
            elif 0 < length <= PROSE_SIBLING_CHARS and density == 0 and text[-1:] in ".!?。":
                out.append(sib)
        elif LEAD_WRAPPER and before and sib.tag in ("div", "section") and _lead_block(sib):
            lead = sib
    return out


#: A "Read more" link's text is short: longer ones are headlines that happen to start so.
_READ_ON_MAX_CHARS = 30
#: Teasers (blocks ending in a "Read more" link) that make a block a list of other stories.
MIN_TEASERS = 3


def _teaser_list(node: LexborNode) -> bool:
    """Whether the block is a list of other stories' teasers: at least :data:`MIN_TEASERS`
    links reading "Read more", "Continue reading", each the last words of its teaser."""
    count = 0
    for link in node.css("a"):
        text = " ".join(link.text(deep=True).split())
        if text and len(text) <= _READ_ON_MAX_CHARS and READ_ON.match(text) and _ends_block(link):
            count += 1
            if count >= MIN_TEASERS:
                return True
    return False


def _ends_block(link: LexborNode) -> bool:
    """Whether nothing but whitespace follows the link inside its parent block."""
    node = link
    while node is not None:
        sib = node.next
        while sib is not None:
            if sib.tag == "-text":
                if (sib.text_content or "").strip():
                    return False
            elif sib.tag and not sib.tag.startswith("-") and sib.text(deep=True).strip():
                return False
            sib = sib.next
        node = node.parent
        if node is None or node.tag in P.BLOCK_TAGS:
            return True
    return True


_TEASER = lazy(r"teaser", re.IGNORECASE)
_NOT_LEAD = "h1, h2, h3, h4, h5, h6, ul, ol, dl, table, form, blockquote, pre, img"


def _lead_block(node: LexborNode) -> bool:
    """A wrapper of one or two paragraphs of prose above the winner (``teaser-text``,
    ``field-perex``, ``atc-Intro``): the article's lead, which CMSs keep apart from the body
    (an affiliate disclosure or a welcome pop-up with its picture is not)."""
    paragraphs = node.css("p")
    if not 1 <= len(paragraphs) <= LEAD_MAX_PARAGRAPHS or has_descendant(node, _NOT_LEAD):
        return False
    length = text_len(node)
    if not LEAD_MIN_CHARS <= length <= LEAD_MAX_CHARS:
        return False
    prose = sum(text_len(p) for p in paragraphs)
    if prose < LEAD_PROSE_SHARE * length or link_density(node, length) >= LEAD_MAX_DENSITY:
        return False
    # No chrome word in its class/id, "teaser" aside (TYPO3's lead is ``teaser-text``).
    if P.NEGATIVE.search(_TEASER.sub(" ", label(node))):
        return False
    return not named_chrome(node)
