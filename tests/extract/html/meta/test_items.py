"""convert.extract.html.meta.items: pages about an event, a recipe or a question, read as
schema.org words them (synthetic pages)."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.meta import extract, items

_TEXT = ("<p>Doors open at seven; the quartet plays two sets of standards and new tunes, with "
         "a short break for the bar, and the evening ends on the quay at ten.</p>")


def _ld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def _fields(title: str, head: str, body: str) -> dict:
    html = (f"<html><head><title>{title}</title>{head}</head><body><main>{body}{_TEXT}</main>"
            "</body></html>")
    return extract(LexborHTMLParser(html), None)


_EVENT = {"@context": "https://schema.org", "@type": "MusicEvent",
          "name": "Harbour Jazz Night with the Quay Quartet", "startDate": "2026-07-14T19:00",
          "endDate": "2026-07-14T22:00", "location": {"@type": "Place", "name": "Quay Hall"}}
_EVENT_BODY = ("<h1>Harbour Jazz Night with the Quay Quartet</h1><p>Doors open "
               "<time datetime='2026-07-14T19:00'>14 July, 7pm</time></p>")


def test_an_events_name_is_its_title_not_the_pages_title(monkeypatch):
    fields = _fields("Events | Quay Hall", _ld(_EVENT), _EVENT_BODY)
    assert fields["title"] == "Harbour Jazz Night with the Quay Quartet"
    # (a programme of several events is named by none of them)
    two = _ld(_EVENT) + _ld({**_EVENT, "name": "Folk Evening", "startDate": "2026-07-15"})
    assert _fields("Summer programme | Quay Hall", two, "")["title"] == "Summer programme"
    monkeypatch.setattr(items, "ITEM_NAME_TITLE", False)
    assert _fields("Events | Quay Hall", _ld(_EVENT), _EVENT_BODY)["title"] == "Quay Hall"


def test_an_events_day_is_not_the_pages_publication(monkeypatch):
    assert _fields("Events | Quay Hall", _ld(_EVENT), _EVENT_BODY)["published"] is None
    # (microdata declares the day as well)
    body = ("<div itemscope itemtype='https://schema.org/Event'><h1 itemprop='name'>Harbour "
            "Jazz Night</h1><meta itemprop='startDate' content='2026-07-14T19:00'>"
            "<time datetime='2026-07-14'>14 July</time></div>")
    assert _fields("Harbour Jazz Night", "", body)["published"] is None
    # a declared publication date stays
    head = _ld({**_EVENT, "datePublished": "2026-05-02"})
    assert _fields("Events | Quay Hall", head, _EVENT_BODY)["published"] == "2026-05-02"
    # (nor does the event's day shown under its name correct a JSON-LD publication date)
    shown = _EVENT_BODY + "<p>Tuesday 14 July 2026, 7pm</p>"
    assert _fields("Events | Quay Hall", head, shown)["published"] == "2026-05-02"
    # a shown date on another day is the page's
    other = _EVENT_BODY.replace("2026-07-14T19:00'>", "2026-05-02'>")
    assert _fields("Events | Quay Hall", _ld(_EVENT), other)["published"] == "2026-05-02"
    monkeypatch.setattr(items, "EVENT_DAYS", False)
    assert _fields("Events | Quay Hall", _ld(_EVENT), _EVENT_BODY)["published"][:10] == (
        "2026-07-14")


def test_a_recipe_keeps_its_author_and_date_not_its_reviewers():
    head = _ld({"@context": "https://schema.org", "@type": "Recipe", "name": "Lemon Barley Soup",
                "author": {"@type": "Person", "name": "Mia Cook"}, "datePublished": "2024-11-05",
                "review": [{"@type": "Review", "datePublished": "2025-03-01",
                            "author": {"@type": "Person", "name": "Kim Reader"}}]})
    fields = _fields("Lemon Barley Soup - Mia's Kitchen", head, "<h1>Lemon Barley Soup</h1>")
    assert (fields["title"], fields["authors"], fields["published"]) == (
        "Lemon Barley Soup", ["Mia Cook"], "2024-11-05")


_QAPAGE = {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": {
    "@type": "Question", "name": "How do I reset the router?", "dateCreated": "2024-06-01",
    "author": {"@type": "Person", "name": "Sam Asker"}, "acceptedAnswer": {
        "@type": "Answer", "dateCreated": "2024-06-03",
        "author": {"@type": "Person", "name": "Ada Answer"}}}}


def test_a_qapages_question_gives_the_author_date_and_title(monkeypatch):
    fields = _fields("Help Forum", _ld(_QAPAGE), "<h2>Help Forum</h2>")
    assert (fields["title"], fields["authors"], fields["published"]) == (
        "How do I reset the router?", ["Sam Asker"], "2024-06-01")
    monkeypatch.setattr(items, "QUESTION_ENTITY", False)
    fields = _fields("Help Forum", _ld(_QAPAGE), "<h2>Help Forum</h2>")
    assert fields["authors"] == [] and fields["published"] is None


def test_a_forum_posting_keeps_its_author_not_its_commenters():
    head = _ld({"@context": "https://schema.org", "@type": "DiscussionForumPosting",
                "headline": "Router keeps dropping", "datePublished": "2024-06-01",
                "author": {"@type": "Person", "name": "Sam Asker"},
                "comment": [{"@type": "Comment", "datePublished": "2024-06-03",
                             "author": {"@type": "Person", "name": "Ada Answer"}}]})
    fields = _fields("Router keeps dropping - Help Forum", head, "<h1>Router keeps dropping</h1>")
    assert (fields["authors"], fields["published"]) == (["Sam Asker"], "2024-06-01")


def test_scholarly_authors_all_in_order():
    head = ("<meta name='citation_title' content='Tidal Effects on Estuary Birds'>"
            + "".join(f"<meta name='citation_author' content='{a}'>"
                      for a in ("Roy, Aniruddha", "Smith, Jane", "Okafor, Chidi"))
            + "<meta name='citation_publication_date' content='2021/03/15'>")
    fields = _fields("Tidal Effects on Estuary Birds | J. Birds", head,
                     "<h1>Tidal Effects on Estuary Birds</h1>")
    assert fields["authors"] == ["Aniruddha Roy", "Jane Smith", "Chidi Okafor"]
    head = _ld({"@context": "https://schema.org", "@type": "ScholarlyArticle",
                "headline": "Tidal Effects on Estuary Birds", "author": [
                    {"@type": "Person", "name": "Aniruddha Roy"}, {"@type": "Person",
                                                                   "name": ["Jane Smith"]},
                    {"@type": "Person", "givenName": "Chidi", "familyName": "Okafor"}]})
    assert _fields("Birds", head, "")["authors"] == ["Aniruddha Roy", "Jane Smith",
                                                      "Chidi Okafor"]
