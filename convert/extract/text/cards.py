"""Feature cards: a landing page's or a shop's sections printed as a short title over a one-line
description ("Object storage" / "Store and retrieve files from your services with lightweight
SDKs."), card after card.

Marketing copy is thin in function words, so the classifier sets the descriptions aside as
borderline; but a run of title-and-sentence pairs is the page's own text, not a menu (menus
have no sentences) nor a teaser list (teasers are titles without descriptions).
"""

from __future__ import annotations

from convert.extract.ablation import rule

from .lines import Line

FEATURE_CARDS = rule(
    "text-feature-cards",
    "a run of at least four cards, each a short title over a one-sentence description ('Edge "
    "caching' / 'Serve static assets faster with caching powered by a global CDN.'), is the "
    "page's text although the descriptions are thin in function words")
#: A card's title has at most CARD_TITLE_WORDS words and ends no sentence; its description,
#: at most CARD_GAP lines below it, is a sentence of CARD_TEXT_WORDS[0] to CARD_TEXT_WORDS[1]
#: words that starts with a capital; at least CARD_MIN cards follow each other.
CARD_TITLE_WORDS = 8
CARD_TEXT_WORDS = (5, 45)
CARD_GAP = 2
CARD_MIN = 4
#: Lines the classifier set aside for their length or density only (and titles printed twice:
#: a card's title may repeat in a menu).
_OPEN = ("short", "bad-density", "near-good", "repeated")
_STOPS = (".", "!", "?", "。", "！", "？")


def _title(u: Line) -> bool:
    return bool(u.keep or u.reason in _OPEN) and 1 <= u.words <= CARD_TITLE_WORDS \
        and not u.ends_sentence and not u.cells and not u.code and not u.text.endswith((":", "："))


def _text(u: Line) -> bool:
    t = u.text.rstrip("\"')]»”’")
    return bool(u.keep or u.reason in _OPEN) and CARD_TEXT_WORDS[0] <= u.words <= CARD_TEXT_WORDS[1] \
        and t.endswith(_STOPS) and u.text[:1].isupper() and not u.cells and not u.code


def keep_feature_cards(units: list[Line]) -> None:
    """Mark the titles and descriptions of every run of at least CARD_MIN feature cards as
    list items (see :func:`.region.mark_lead_in_lists`)."""
    if not FEATURE_CARDS:
        return
    n = len(units)
    run: list[tuple[int, int]] = []
    i = 0
    while i < n:
        card = None
        if _title(units[i]):
            for j in range(i + 1, min(n, i + 1 + CARD_GAP)):
                if _text(units[j]):
                    card = (i, j)
                    break
                if units[j].words > CARD_TITLE_WORDS:
                    break
        if card is not None and (not run or card[0] - run[-1][1] <= CARD_GAP):
            run.append(card)
            i = card[1] + 1
            continue
        _keep(units, run)
        run = [card] if card is not None else []
        i = card[1] + 1 if card is not None else i + 1
    _keep(units, run)


def _keep(units: list[Line], run: list[tuple[int, int]]) -> None:
    if len(run) < CARD_MIN:
        return
    # (as the items of a list: they neither break the article's run nor win it alone, since a
    # site's mega-menu prints cards too; the run takes in those right below it)
    for u in units[run[0][0]:run[-1][1] + 1]:
        u.listed = True
