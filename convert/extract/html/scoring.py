"""Scoring and picking the winner: Readability's paragraph points given to ancestors, link
density, then moving the winner up to the article it is part of; and the region enclosing a
winner among many headed blocks. The siblings that join the winner are :mod:`.siblings`'s."""

from __future__ import annotations

import re
from typing import Callable

from selectolax.lexbor import LexborNode

from convert.textutil import squash
from convert.extract.ablation import rule
from . import patterns as P
from .articlemarks import holds_headline
from .dom import children, inside
from .hints import holding
from .measure import Candidate, class_weight, commas, describe, link_density, summed_len, text_len
from .thresholds import (
    ANCESTOR_DIVIDER, ARTICLE_SHARE, ARTICLE_WRAPPER_GAIN, CHARS_PER_POINT, GRANDPARENT_DIVIDER,
    LINK_WINNER_DENSITY, LOGGED_CANDIDATES, MAX_LENGTH_POINTS,
    MIN_PARAGRAPH_CHARS, MIN_SAME_CLASS, MIN_SHARED_CANDIDATES, NOTICE_MAX_CHARS,
    PARENT_SCORE_DIVIDER, RANKED_CANDIDATES, REGION_CHARS_PER_HEADING, REGION_MAX_DENSITY,
    REGION_MAX_SHARE, REGION_MIN_HEADINGS, REGION_MIN_SHARE, SAME_CLASS_SHARE, SCORE_ANCESTORS,
    STRONG_RUNNERS_UP, STRONG_SHARE, TAG_WEIGHT,
)
from ..lazyre import lazy

CLASS_WEIGHTS = rule("class_weights", "a candidate starts from its class/id weight (+/-25)")
LINK_SCALE = rule("link_scale", "candidate scores are scaled by 1 - link density")
STRONG_CANDIDATES = rule("strong_candidates", "the winner moves up to an ancestor holding "
                         "several strong runners-up")
BROWSER_NOTICE_POINTS = rule("browser_notice_points", "a notice about the reader's browser or "
                             "plugins gives its ancestors no points")
SAME_CLASS_PARTS = rule("same_class_parts", "the winner moves up to the ancestor of its "
                        "same-class parts")
SAME_CLASS_TEASERS = rule("same_class_teasers", "a same-class block ending in a 'Continue "
                          "reading' link is another post's teaser, not a part of the article")
ENCLOSING_ARTICLE = rule("enclosing_article", "the winner moves up to an enclosing <article> "
                         "scoring nearly as well")
PARENT_CLIMB = rule("parent_climb", "the winner moves up to a parent scoring better")
CLIMB_STOPS_AT_ARTICLE = rule("climb_stops_at_article", "the climb to a better-scoring parent "
                              "never goes past an <article> around the winner to a wrapper "
                              "holding more text")
CLIMB_STOPS_AT_HEADLINE = rule("climb_stops_at_headline", "the climb to a better-scoring "
                               "parent never goes past the element holding the page's headline "
                               "and the winner to a wrapper holding more text")
HEADED_ARTICLE = rule("headed_article", "the winner moves down to the one headed <article> "
                      "it holds")
LONE_CHILD_UP = rule("lone_child_up", "a lone child stands for its parent")
WRAPPER_RUNNERS_UP = rule("wrapper_runners_up", "the move up to an ancestor holding several strong "
                          "runners-up never reaches a wrapper that is mostly links when the "
                          "runners-up are the winner's own wrappers")
RANK_PAST_LINKS = rule("rank_past_links", "when the best ranked candidate is mostly links "
                       "(a sidebar of headlines outscored the post), every candidate is ranked")

_PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote", "dd", "li"})
_CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "span", "font", "center",
                             "td", "li", "dd", "header", "body"})


def _paragraph_nodes(body: LexborNode) -> list[tuple[LexborNode, str]]:
    """Paragraph-like elements: <p>, <pre>, cells, and containers with no block children."""
    out: list[tuple[LexborNode, str]] = []
    for node in body.traverse():
        tag = node.tag or "-"
        if tag in _PARAGRAPH_TAGS or tag in _CONTAINER_TAGS:
            if tag not in ("p", "pre"):
                has_block = False
                has_text = False
                # (every child node, the nameless ones reading as "-"; a chain of ``.next``
                # rather than ``iter()``: a generator left at a block child costs more to close
                # than the walk to it)
                kid = node.child
                while kid is not None:
                    ktag = kid.tag or "-"
                    if ktag in P.BLOCK_TAGS:
                        has_block = True
                        break
                    if ktag == "-text" and not has_text and (kid.text_content or "").strip():
                        has_text = True
                    kid = kid.next
                if has_block:
                    continue
                if tag == "span" and not has_text:
                    continue
            text = node.text(deep=True)
            if len(text) >= MIN_PARAGRAPH_CHARS:
                out.append((node, text))
    return out


def score(body: LexborNode) -> dict[int, Candidate]:
    """Readability's scoring: every paragraph-like block of at least
    :data:`.thresholds.MIN_PARAGRAPH_CHARS` gives ``1 + commas + min(len/100, 3)`` points to up to
    :data:`.thresholds.SCORE_ANCESTORS` ancestors (parent in full, grandparent half, then
    ``1/(3·level)``); each ancestor starts from its tag weight and class/id weight. Returns the
    candidates by node memory id."""
    candidates: dict[int, Candidate] = {}
    # The candidates that get points, with their dividers, by the parent's memory id:
    # siblings share them (a long article's paragraphs all sit in one container), so each
    # chain is walked, and its candidates made, once.
    chains: dict[int, list[tuple[Candidate, float]]] = {}
    paragraphs = [(node, text) for node, text in (
        (node, squash(text)) for node, text in _paragraph_nodes(body))
        if len(text) >= MIN_PARAGRAPH_CHARS]
    # (which of the short ones hold a browser notice's hint: one scan of them all per hint)
    notices = holding([text if len(text) < NOTICE_MAX_CHARS else "" for _, text in paragraphs],
                      P.NOTICE_HINTS, str.lower) if BROWSER_NOTICE_POINTS else []
    for i, (node, text) in enumerate(paragraphs):
        # (a text not hinted is no notice, without a call; a hinted one is short)
        if BROWSER_NOTICE_POINTS and notices[i] and P.browser_notice(text, True):
            continue  # (a browser notice beside a short story outscored it)
        points = 1 + commas(text) + min(len(text) / CHARS_PER_POINT,
                                                       MAX_LENGTH_POINTS)
        parent = node.parent
        if parent is None:
            continue
        chain = chains.get(parent.mem_id)
        if chain is None:
            chain = chains[parent.mem_id] = _chain(parent, candidates)
        for cand, divider in chain:
            cand.score += points / divider
    return candidates


def _chain(parent: LexborNode, candidates: dict[int, Candidate]) -> list[tuple[Candidate, float]]:
    """The candidates a paragraph in ``parent`` gives points to (:func:`_scored_ancestors`),
    each with the divider of its level; those not yet in ``candidates`` are added there."""
    chain = []
    for level, (key, ancestor) in enumerate(_scored_ancestors(parent)):
        cand = candidates.get(key)
        if cand is None:
            cand = Candidate(ancestor, TAG_WEIGHT.get(ancestor.tag, 0) + (
                class_weight(ancestor) if CLASS_WEIGHTS else 0))
            candidates[key] = cand
        divider = 1 if level == 0 else (
            GRANDPARENT_DIVIDER if level == 1 else level * ANCESTOR_DIVIDER)
        chain.append((cand, divider))
    return chain


def _scored_ancestors(parent: LexborNode) -> list[tuple[int, LexborNode]]:
    """``parent`` and the ancestors above it that a paragraph inside gives points to (at most
    :data:`.thresholds.SCORE_ANCESTORS`, none from ``<html>`` up), with their memory ids."""
    out: list[tuple[int, LexborNode]] = []
    ancestor: LexborNode | None = parent
    while ancestor is not None and len(out) < SCORE_ANCESTORS:
        if ancestor.tag in ("html", "#document", "-document") or (ancestor.tag or "-").startswith("-"):
            break
        out.append((ancestor.mem_id, ancestor))
        ancestor = ancestor.parent
    return out


def pick(body: LexborNode, candidates: dict[int, Candidate],
         reorder: Callable[[list[Candidate]], list[Candidate]] | None = None
         ) -> tuple[Candidate, list[str]]:
    """The winning candidate and the notes explaining it. The best of the top candidates,
    once scaled by ``1 - link density``, is moved to where the article really is:

    1. up to an ancestor holding several strong runners-up (an article split into blocks), or
       else holding the winner's same-class parts;
    2. up to an enclosing ``<article>`` scoring nearly as well;
    3. up to a parent that scores better than the winner (climbing while parents stay above a
       third of its score);
    4. down to the one headed ``<article>`` inside the winner, or to the text cell of a layout
       table's row;
    5. up through lone-child wrappers.

    ``reorder`` (benchmark only, :mod:`tests.bench.rerank`) reorders the ranked candidates
    before the first of them is taken as the winner: it measures what choosing another
    candidate would give."""
    notes: list[str] = []
    ordered = sorted(candidates.values(), key=lambda c: c.score, reverse=True)
    ranked = ordered[:RANKED_CANDIDATES]
    _measure_nested(ranked)
    for cand in ranked:
        cand.length = text_len(cand.node)
        cand.density = link_density(cand.node, cand.length)
        if LINK_SCALE:
            cand.score *= 1 - cand.density
    ranked.sort(key=lambda c: c.score, reverse=True)
    # A sidebar of long headline links scores by the hundred before link density is
    # applied: when even the best ranked candidate is mostly links, the ranking was filled
    # by such lists and a short post below it never got measured: rank them all.
    if RANK_PAST_LINKS and LINK_SCALE and ranked and ranked[0].density >= LINK_WINNER_DENSITY \
            and len(ordered) > len(ranked):
        rest = ordered[RANKED_CANDIDATES:]
        _measure_nested(rest)
        for cand in rest:
            cand.length = text_len(cand.node)
            cand.density = link_density(cand.node, cand.length)
            cand.score *= 1 - cand.density
        ranked = sorted(ordered, key=lambda c: c.score, reverse=True)
        notes.append("the ranked candidates were link lists: ranked all")
    for cand in ranked[:LOGGED_CANDIDATES]:
        notes.append(f"candidate {describe(cand.node)} score {cand.score:.1f} "
                     f"chars {cand.length} link density {cand.density:.2f}")
    if reorder is not None:
        ranked = reorder(ranked)
    top = ranked[0]

    # Several strong candidates under one ancestor: the article is split in blocks.
    strong = [c for c in ranked[1:1 + STRONG_RUNNERS_UP] if c.score >= STRONG_SHARE * top.score]
    moved = False
    if STRONG_CANDIDATES and len(strong) >= MIN_SHARED_CANDIDATES:
        top_ancestors = _ancestors(top.node)
        for anc in top_ancestors:
            if anc.tag == "body":
                break
            shared = sum(1 for c in strong if inside(c.node, anc))
            if shared >= MIN_SHARED_CANDIDATES:
                if WRAPPER_RUNNERS_UP and sum(1 for c in strong if inside(c.node, anc) and not
                                              inside(top.node, c.node)) < MIN_SHARED_CANDIDATES \
                        and link_density(anc, text_len(anc)) >= LINK_WINNER_DENSITY:
                    # The runners-up are the winner's own wrappers (scoring by its points),
                    # and the one holding them all is the page's, its sidebars of headline
                    # lists outweighing the post: the article is not split in blocks.
                    notes.append(f"kept: {describe(anc)} holds the winner's wrappers and is "
                                 f"mostly links")
                    break
                notes.append(f"moved up to {describe(anc)}: holds {shared + 1} strong candidates")
                cand = candidates.get(anc.mem_id) or Candidate(anc, top.score)
                top = cand
                moved = True
                break
    if not moved and SAME_CLASS_PARTS:
        grouped = _same_class_ancestor(top, candidates)
        if grouped is not None:
            notes.append(f"moved up to {describe(grouped.node)}: holds the winner's "
                         f"same-class parts")
            top = grouped

    # An enclosing <article> scoring nearly as well is the article the winner is part of.
    for anc in _ancestors(top.node):
        if anc.tag in ("body", "html"):
            break
        if anc.tag == "article" and ENCLOSING_ARTICLE:
            cand = candidates.get(anc.mem_id)
            if cand is not None and cand.score >= ARTICLE_SHARE * top.score:
                notes.append(f"moved up to the enclosing {describe(anc)} "
                             f"(score {cand.score:.1f})")
                top = cand
            break

    # Climb while the parent scores better (the winner was one part of the article).
    last = top.score
    threshold = top.score / PARENT_SCORE_DIVIDER
    article: LexborNode | None = None  # an <article> the climb went through
    # ...or the winner, or a parent it climbed through, holding the page's own headline: the
    # story's container on a page that has no <article> (older news and blog templates).
    story: LexborNode | None = None
    if CLIMB_STOPS_AT_HEADLINE and holds_headline(top.node):
        story = top.node
    parent = top.node.parent
    while PARENT_CLIMB and parent is not None and parent.tag != "body":
        pc = candidates.get(parent.mem_id)
        if pc is None:
            parent = parent.parent
            continue
        if pc.score < threshold:
            break
        if pc.score > last:
            if CLIMB_STOPS_AT_ARTICLE and article is not None and text_len(parent) > \
                    ARTICLE_WRAPPER_GAIN * text_len(article):
                # The <article> around the winner is the whole story: a wrapper above it
                # holding more text scores by the sidebars and teaser lists beside the story.
                notes.append(f"kept inside {describe(article)}: its parent "
                             f"{describe(parent)} adds other text")
                break
            if story is not None and text_len(parent) > ARTICLE_WRAPPER_GAIN * text_len(story):
                # The same for the element holding the headline over the winner: the
                # wrapper above it scores by the headline lists and sidebars beside the story.
                notes.append(f"kept inside {describe(story)}, which holds the headline: its "
                             f"parent {describe(parent)} adds other text")
                break
            notes.append(f"moved up to parent {describe(parent)} (score {pc.score:.1f})")
            top = pc
            break
        if parent.tag == "article":
            article = parent
        if CLIMB_STOPS_AT_HEADLINE and story is None and holds_headline(parent):
            story = parent
        last = pc.score
        parent = parent.parent
    # The winner holds one <article>, with the headline, scoring nearly as well: the rest
    # is what the page shows beside the story (teaser summaries of "more from" blocks add
    # their points to the shared wrapper and tip it over the story).
    if top.node.tag != "article" and HEADED_ARTICLE:
        inner = _sole_headed_article(top.node)
        cand = candidates.get(inner.mem_id) if inner is not None else None
        if cand is not None and cand.score >= ARTICLE_SHARE * top.score:
            notes.append(f"moved down to the headed {describe(inner)} (score {cand.score:.1f})")
            top = cand
    # A lone child stands for its parent.
    node = top.node
    while LONE_CHILD_UP and node.parent is not None and node.parent.tag != "body" and _only_child(node):
        node = node.parent
    if node is not top.node:
        top = candidates.get(node.mem_id) or Candidate(node, top.score)
    return top, notes


def _measure_nested(cands: list[Candidate]) -> None:
    """Measure the candidates' text lengths children first, so that a candidate whose child
    is a candidate too (a paragraphs' container and the wrappers above it) adds up its
    children's lengths (:func:`.measure.summed_len`) instead of reading its subtree again."""
    by_parent: dict[int, list[LexborNode]] = {}
    for cand in cands:
        parent = cand.node.parent
        if parent is not None:
            by_parent.setdefault(parent.mem_id, []).append(cand.node)

    # (a stack, not a recursive closure: a closure that calls itself is a reference cycle,
    # and with the collector paused during a parse the cycle kept this page's whole tree
    # alive until a full collection: +30 MB peak RSS over 600 dragnet pages)
    for cand in cands:
        stack: list[tuple[LexborNode, bool]] = [(cand.node, False)]
        while stack:
            node, kids_done = stack.pop()
            if kids_done:
                summed_len(node)
                continue
            stack.append((node, True))
            stack.extend((kid, False) for kid in reversed(by_parent.pop(node.mem_id, ())))


def _same_class_ancestor(top: Candidate, candidates: dict[int, Candidate]) -> Candidate | None:
    """The article split in blocks that share the winner's class (``RichText``, ``post``):
    the nearest ancestor holding all of them (or None)."""
    cls = top.node.attributes.get("class")
    if not cls or top.node.tag == "body":
        return None
    parts = [c for c in candidates.values()
             if c is not top and c.node.attributes.get("class") == cls
             and c.score >= SAME_CLASS_SHARE * top.score
             and not (SAME_CLASS_TEASERS and _teaser_part(c.node))]
    if len(parts) < MIN_SAME_CLASS:
        return None
    for c in parts:
        if not c.length:
            c.length = text_len(c.node)
            c.density = link_density(c.node, c.length)
            c.score *= 1 - c.density
    parts = [c for c in parts if c.score >= SAME_CLASS_SHARE * top.score]
    if len(parts) < MIN_SAME_CLASS:
        return None
    for anc in _ancestors(top.node):
        if anc.tag in ("body", "html"):
            return None
        if all(inside(c.node, anc) for c in parts):
            return candidates.get(anc.mem_id) or Candidate(anc, top.score)
    return None


#: The link that ends a teaser: "Continue reading »", "Read more", "Read the rest of this entry".
READ_ON = lazy(r"^\W*(?:continue reading|read more|read the rest|keep reading|read full "
                r"(?:story|article|post)|more|weiterlesen|lire la suite|leer más)\b.{0,40}$",
                re.IGNORECASE)


_READ_ON_DENSITY = 0.9


def _teaser_part(node: LexborNode) -> bool:
    """Whether the block is a teaser of another post: it ends on a link reading "Continue
    reading", inside it or right after it (the article's own text never does)."""
    links = node.css("a")
    if links:
        last = " ".join(links[-1].text(deep=True).split())
        if last and READ_ON.match(last) and " ".join(node.text(deep=True).split()).endswith(last):
            return True
    sib = node.next
    while sib is not None:
        if sib.tag == "-text":
            if (sib.text_content or "").strip():
                return False
        elif sib.tag and not sib.tag.startswith("-"):
            text = " ".join(sib.text(deep=True).split())
            return bool(text) and READ_ON.match(text) is not None \
                and link_density(sib, text_len(sib)) >= _READ_ON_DENSITY
        sib = sib.next
    return False


def _sole_headed_article(node: LexborNode) -> LexborNode | None:
    """The one ``<article>`` inside ``node`` when it holds the page's ``<h1>``, else None."""
    found = node.css("article")
    if len(found) != 1 or found[0].css_first("h1") is None:
        return None
    return found[0]


def _ancestors(node: LexborNode) -> list[LexborNode]:
    out = []
    parent = node.parent
    while parent is not None and parent.tag not in ("html", "-document"):
        out.append(parent)
        parent = parent.parent
    return out


def _only_child(node: LexborNode) -> bool:
    count = 0
    for kid in children(node.parent):
        if kid.tag == "-text":
            if (kid.text_content or "").strip():
                return False
            continue
        if (kid.tag or "-").startswith("-"):
            continue
        count += 1
    return count == 1


_HEADINGS = ",".join(sorted(P.HEADING_TAGS))


def enclosing_region(nodes: list[LexborNode], body: LexborNode) -> LexborNode | None:
    """Landing, service and product pages set their text in many headed blocks (hero, feature
    rows, description, specs), none of which outscores the others by much: Readability's
    winner is then one block among many. Once the pruning has removed the chrome, an
    ancestor holding most of what is left, with almost no links and in sections under their
    own headings, is the page's content: return it. None when the winner is already the bulk
    of the page, or the rest is link lists or an article's tail (comments, other posts: few
    headings for much text)."""
    page = text_len(body)
    if not page or nodes[0].tag == "body":
        return None
    if sum(text_len(n) for n in nodes) >= REGION_MAX_SHARE * page:
        return None
    for anc in _ancestors(nodes[0]):
        # (each ancestor adds up the one below, measured just before)
        length = summed_len(anc)
        if length >= REGION_MIN_SHARE * page and link_density(anc, length) <= REGION_MAX_DENSITY:
            chosen = {n.mem_id for n in nodes}
            headings = sum(1 for h in anc.css(_HEADINGS) if h.css_first("a") is None
                           and not any(a.mem_id in chosen for a in _ancestors(h)))
            if headings >= max(REGION_MIN_HEADINGS, length / REGION_CHARS_PER_HEADING):
                return anc
            return None
    return None
