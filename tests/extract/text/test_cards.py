"""Feature cards (:mod:`convert.extract.text.cards`): a landing page's short titles over
one-sentence descriptions, card after card."""

from __future__ import annotations

from convert.extract.text import parse_text
from convert.textutil import article_text

from .test_pipeline import PARA, PARA2

#: A hosting service's home page (after wcxb-dev-extra tune page 2838): the cards below its
#: pitch, one with a "Coming Soon" label between title and description.
CARDS = [("Isolated environments", "Prevent non-production environments from accessing "
          "production services."),
         ("Object storage", "Store and retrieve files from your services with lightweight SDKs."),
         ("Redis-compatible Key Value", "Low-latency in-memory storage ideal for shared caches "
          "and job queues."),
         ("WebSockets", "Build real-time features with long-lived, bi-direction streaming."),
         ("Edge caching", "Serve static assets faster with caching powered by a global CDN.")]
FOOTER = "Pricing\nDocs\nChangelog\nCareers\n© 2025 Render\n"


def _dump(cards: str) -> str:
    return f"Product\nPricing\nLog in\n{PARA}\n\n{PARA2}\n\n{cards}{FOOTER}"


def test_cards_below_the_text_are_the_pages(monkeypatch):
    from convert.extract.text import cards
    lines = "".join(f"{t}\n{'Coming Soon' + chr(10) if k == 1 else ''}{d}\n"
                    for k, (t, d) in enumerate(CARDS))
    text = article_text(parse_text(_dump(lines)))
    assert all(t in text and d in text for t, d in CARDS)
    assert "Careers" not in text
    monkeypatch.setattr(cards, "FEATURE_CARDS", False)
    off = article_text(parse_text(_dump(lines)))
    assert CARDS[-1][1] not in off


def test_a_mega_menus_cards_do_not_make_the_page(monkeypatch):
    # (a site's menu printed as cards far above the article: they neither join nor displace it)
    from convert.extract.text import cards
    menu = "".join(f"{t}\n{d}\n" for t, d in CARDS)
    dump = f"{menu}Search\nNews\nSport\nWeather\nLog in\n{PARA}\n\n{PARA2}\n\nContact\nJobs\n"
    text = article_text(parse_text(dump))
    assert PARA in text and CARDS[0][1] not in text and CARDS[2][1] not in text
    monkeypatch.setattr(cards, "FEATURE_CARDS", False)
    assert article_text(parse_text(dump)) == text


def test_titles_without_descriptions_are_no_cards():
    from convert.extract.text.cards import keep_feature_cards
    from .test_furniture import _units
    units = _units("Edge caching\nWebSockets\nObject storage\nFully-managed TLS\nAudit logs\n")
    keep_feature_cards(units)
    assert not any(u.listed for u in units)
