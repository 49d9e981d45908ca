"""A box of teaser cards inside the article's wrapper leaves the body (issue #13, class "teaser
and link lists merged"; rule ``teaser_cards``): three or more cards in a row, each a heading
that is one link to another page with a few short lines under it. The shapes are those of
dragnet tune pages (2012 news pages): dragnet-R240 (news.com.au, a strip of linked <h3>
headlines, each with a time-stamped one-sentence summary, under the story) and dragnet-R165
(washingtonpost.com, "More from PostPolitics": linked headline, byline, summary, set halfway
down the story's wrapper). Synthetic pages."""

from __future__ import annotations

from convert.extract.html import parse_html, profiles, tails
from convert.textutil import article_text
from storypages import story, story_page

_CARDS = [("Why do gulls follow ferries?", "6:00PM EVERY summer the gulls come back to the "
           "quay, and nobody knows quite why."),
          ("The lighthouse keeper's last winter", "2:54PM A LIFE on the rock, told by the "
           "man who kept the lamp lit for thirty years."),
          ("Ten walks along the old quay", "8:53AM FROM the fish market to the breakwater: "
           "the best of the harbour on foot."),
          ("A storm warning for the whole coast", "10:30PM THE weather office says the wind "
           "will turn north-east by the morning.")]


def _box(cards=_CARDS, href=lambda i: f"/story/{i}") -> str:
    return "".join(f'<div class="item"><h3><a href="{href(i)}">{title}</a></h3><p>{summary}</p>'
                   "</div>" for i, (title, summary) in enumerate(cards))


def test_teaser_cards_under_the_story_leave():
    text = article_text(parse_html(story_page(_box())))
    assert "Paragraph 4 of the story" in text
    assert "Why do gulls" not in text and "EVERY summer" not in text
    assert "A storm warning" not in text


def test_teaser_cards_stay_with_the_rule_off(monkeypatch):
    monkeypatch.setattr(tails, "TEASER_CARDS", False)
    text = article_text(parse_html(story_page(_box())))
    assert "Why do gulls" in text and "EVERY summer" in text


def test_teaser_cards_inside_the_story_leave_with_their_label():
    # dragnet-R165: the box sits between the story's paragraphs, under a related-links label.
    page = story_page("<p>More from the Harbour Gazette</p>" + _box() + story(3))
    text = article_text(parse_html(page))
    assert "Paragraph 2 of the story" in text
    assert "More from the Harbour Gazette" not in text and "Why do gulls" not in text


def test_two_cards_stay():
    text = article_text(parse_html(story_page(_box(_CARDS[:2]))))
    assert "Why do gulls" in text


def test_section_headings_linking_to_their_own_anchors_stay():
    # A guide whose headings link to themselves (wcxb-dev tune pages: a table of contents'
    # targets, href="#cognitive-benefits") is one story with sections, not cards.
    text = article_text(parse_html(story_page(_box(href=lambda i: f"#section-{i}"))))
    assert "Why do gulls" in text and "EVERY summer" in text


def test_headlines_without_lines_under_them_are_no_cards():
    # A listing's company name over each release's title: a headline alone is no card.
    box = "".join(f'<h3><a href="/firm/{i}">Firm {i}</a></h3>' + _box([card])
                  for i, card in enumerate(_CARDS))
    text = article_text(parse_html(story_page(box)))
    assert "Why do gulls" in text


def test_cards_that_are_most_of_the_page_stay():
    # A roundup whose linked headings are the page keeps them.
    text = article_text(parse_html(story_page(_box(_CARDS * 3), paragraphs=1)))
    assert "Why do gulls" in text


def test_not_on_a_listing_page(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("listing", 0.3, {}))
    text = article_text(parse_html(story_page(_box())))
    assert "Why do gulls" in text
