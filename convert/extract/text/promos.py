"""App and newsletter promotions in plain-text dumps: the test of the ``app-promo`` furniture
rule (:mod:`.furniture`), which tells a nag ("Download our app", "Subscribe to our
newsletter") from prose that only names a newsletter or an app store."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from convert.extract import ablation
from .lines import Line
from .notices import APP_PROMO
from ..lazyre import lazy

if TYPE_CHECKING:
    from .furniture import PageView


PROMO_MENTIONS = ablation.rule(
    "text-promo-mentions",
    "a sentence that only names a newsletter or an app store ('I hadn't run my own newsletter "
    "through the analysis', 'Proton VPN has published App Store and Google Play clients') is "
    "prose, not a nag: a long sentence needs a call ('Subscribe to ...', 'Download the app') or "
    "to speak to the reader ('your inbox', 'our newsletter') to be an app or newsletter promo "
    "(English sentences: in another language a line naming a newsletter stays a nag)")
PROMO_CALL_OPENS = ablation.rule(
    "text-promo-call-opens",
    "in a long English sentence that does not speak to the reader, a promotion's call opens "
    "its sentence ('Subscribe to ...', 'Download the app ...'): a docs page's 'an effect to "
    "subscribe to a friend's online status' and a lead-in ending in a colon are prose")
#: The sentence's end right before a call (the call then opens the next sentence).
_SENTENCE_BEFORE = lazy(r"[.!?:]\W{0,2}\s+\W{0,2}$")
#: The calls of :data:`notices.APP_PROMO` ("Download the app", "Subscribe to ...", "Sign up for our
#: ..."), where its other words only name an app store or a newsletter.
APP_PROMO_CALL = lazy(
    r"\b(?:download|get) (?:the|our) (?:\w+ ){0,2}app\b|\bsubscribe (?:to|for|now)\b|"
    r"\bsign up for (?:our|the)\b", re.I)
#: A line that speaks to the reader (or for the site: "our newsletter").
READER_ADDRESS = lazy(r"\b(?:you|your|our|us)\b", re.I)
#: English function words: a sentence with at least ENGLISH_MIN of them is in English.
_ENGLISH = frozenset({"the", "and", "of", "to", "in", "is", "was", "with", "for", "that", "it"})
#: ... with PROMO_CALL_OPENS, more of them: words no other language of the corpus writes
#: ("My newsletter about Substack growth strategies has stopped growing because ...").
_ENGLISH_MORE = frozenset({"about", "has", "have", "because", "this", "are", "from", "which",
                           "would", "been", "were", "their", "when", "after"})
ENGLISH_MIN = 2
#: ... long: a sentence of at least this many words (shorter lines that name a newsletter
#: are its label or its menu item).
PROMO_PROSE_WORDS = 12


#: A numbered item's heading ("12. To-Do App"): an entry of a listicle, never a nag.
_NUMBERED_ITEM = lazy(r"^\d{1,3}\.\s+\S")


def _app_promo(u: Line, low: str, page: "PageView") -> bool:
    if not APP_PROMO.search(u.text) or _NUMBERED_ITEM.match(u.text):
        return False
    # (a menu or a headline naming the newsletter ends no sentence: "Get the Daily Newsletter
    # »Subscribe on Facebook")
    # (a lead-in sentence ending in a colon is a sentence too: "... this component uses an
    # effect to subscribe to a friend's online status, and cleans up by unsubscribing from it:")
    ends = u.ends_sentence or (PROMO_CALL_OPENS and u.text.endswith(":"))
    if not PROMO_MENTIONS or u.words < PROMO_PROSE_WORDS or not ends:
        return True
    # (the calls and the address are listed in English: a sentence in another language,
    # "Abonnieren Sie unseren Newsletter ...", stays a nag)
    english = _ENGLISH | _ENGLISH_MORE if PROMO_CALL_OPENS else _ENGLISH
    if sum(1 for w in u.tokens if w in english) < ENGLISH_MIN:
        return True
    if READER_ADDRESS.search(u.text):
        return True
    if PROMO_CALL_OPENS:
        # (a call opens its sentence, "Subscribe to ...", "Download the app ...": in the
        # middle of one, "uses an effect to subscribe to a friend's online status", it is prose)
        return any(m.start() == 0 or _SENTENCE_BEFORE.search(u.text, 0, m.start())
                   for m in APP_PROMO_CALL.finditer(u.text))
    return bool(APP_PROMO_CALL.search(u.text))
