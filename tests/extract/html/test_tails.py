"""A related-links box under the story ("More from X", "You might also like") leaves the body
(issue #13, class "teaser and link lists merged"; rule ``related_tail``). The shapes are those
of dragnet tune pages (2012 news and blog pages): dragnet-T15 ("More from mental_floss…" over
headlines and asterisks), dragnet-513 ("More world stories from NBC News:" as the last line),
dragnet-R641 (a video series' "More from" box of talk titles, speakers and their posts).
Synthetic pages."""

from __future__ import annotations

from convert.extract.html import parse_html, profiles, tails
from convert.textutil import article_text
from storypages import story, story_page

_STORY = story()


_BOX = ("<p>More from the Harbour Gazette…</p>"
        "<p>Why do gulls follow ferries?</p><p>*</p>"
        "<p>The lighthouse keeper's last winter</p><p>*</p>"
        "<p>Ten walks along the old quay</p>")


def test_related_box_after_the_story_leaves():
    text = article_text(parse_html(story_page(_BOX)))
    assert "Paragraph 4 of the story" in text
    assert "More from the Harbour Gazette" not in text and "Why do gulls" not in text


def test_related_box_stays_with_the_rule_off(monkeypatch):
    monkeypatch.setattr(tails, "RELATED_TAIL", False)
    text = article_text(parse_html(story_page(_BOX)))
    assert "More from the Harbour Gazette" in text and "Why do gulls" in text


def test_a_last_label_line_leaves():
    text = article_text(parse_html(story_page("<p>More world stories from the Gazette:</p>")))
    assert "Paragraph 4" in text and "More world stories" not in text


def test_see_also_section_with_prose_stays():
    # A story's own closing "See also" notes (dragnet-R802's gold keeps them), and a
    # documentation page's "See also" list, are the page's.
    tail = ("<h3>See also</h3><p>The basin's history: the first quay was built in 1820 by "
            "the merchants of the town, who paid for it with a levy on every barrel of herring "
            "landed there, and it stood until the storm of 1953 took its eastern end.</p>")
    text = article_text(parse_html(story_page(tail)))
    assert "See also" in text and "The basin's history" in text


def test_label_with_a_paragraph_of_prose_after_it_stays():
    long_item = ("<p>" + " ".join(["the harbour master explained the tides once more"] * 8)
                 + "</p>")
    text = article_text(parse_html(story_page("<h3>More from the Harbour Gazette</h3>" + long_item)))
    assert "More from the Harbour Gazette" in text and "the harbour master" in text


def test_label_before_most_of_the_text_stays():
    # A label halfway up the body, with the rest of the story below it, is not the end.
    text = article_text(parse_html(story_page("<p>More from the Harbour Gazette</p>" + _STORY)))
    assert "More from the Harbour Gazette" in text


# A box of headlines as one list, in the shape of dragnet-495 and dragnet-513 (tune pages: NBC
# News 2012, "More content from NBCNews.com:" in <em><strong> over a <ul> of six one-link
# headlines, some 60 words in all). Rule related_list_items.
_HEADLINES = ["Why do gulls follow ferries every single summer", "The lighthouse keeper's last "
              "winter on the northern rock", "Ten walks along the old quay before the tide",
              "Fishermen count a record herring catch this week", "Council votes to repair "
              "the harbour wall at last", "A storm warning for the whole coast tonight"]
_LIST_BOX = ("<p><em><strong>More content from the Gazette:</strong></em></p><ul>"
             + "".join(f'<li><a href="/s/{i}">{h}</a></li>' for i, h in enumerate(_HEADLINES))
             + "</ul>")


def test_a_list_of_headlines_under_a_label_leaves():
    text = article_text(parse_html(story_page(_LIST_BOX)))
    assert "Paragraph 4 of the story" in text
    assert "More content from" not in text and "Why do gulls" not in text


def test_a_list_of_headlines_stays_with_the_rule_off(monkeypatch):
    # Weighed by its total (60 words), the list reads as a paragraph of prose after the label.
    monkeypatch.setattr(tails, "RELATED_LIST_ITEMS", False)
    text = article_text(parse_html(story_page(_LIST_BOX)))
    assert "More content from" in text and "Why do gulls" in text


def test_a_list_with_a_long_item_under_a_label_stays():
    long_item = " ".join(["the harbour master explained the tides once more"] * 8)
    box = ("<p>More from the Harbour Gazette</p><ul><li>Why do gulls follow ferries?</li>"
           f"<li>{long_item}</li></ul>")
    text = article_text(parse_html(story_page(box)))
    assert "Why do gulls" in text and "the harbour master" in text


def test_not_on_a_listing_page(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("listing", 0.3, {}))
    text = article_text(parse_html(story_page(_BOX)))
    assert "Why do gulls" in text


# An author's box below the story, in the shape of dragnet-R616 (tune page; a guest post,
# 2012: an upper-case "ABOUT ANNIE DOWNS" heading over the bio) and dragnet-R980 (tune page:
# "About the Author: Derek Halpern is ..." on one line). Rule author_box_lines.
_BIO = ("<h3>ABOUT JANE HARBOUR</h3><p>Jane Harbour is a freelance writer in Whitby. She "
        "covers the coast, its boats and its people for the Gazette.</p>")


def test_author_box_below_the_story_leaves():
    text = article_text(parse_html(story_page(_BIO)))
    assert "Paragraph 4 of the story" in text
    assert "ABOUT JANE HARBOUR" not in text and "freelance writer" not in text


def test_author_box_on_one_line_leaves():
    text = article_text(parse_html(story_page(
        "<p><strong>About the Author:</strong> Jane Harbour is the Gazette's harbour "
        "reporter and writes about boats.</p>")))
    assert "Paragraph 4" in text and "About the Author" not in text


def test_author_box_on_one_line_in_lower_case_leaves():
    # (the line is read case-blind: "about", not only "About")
    text = article_text(parse_html(story_page(
        "<p>about the writer \u2013 Jane Harbour is the Gazette's harbour reporter.</p>")))
    assert "Paragraph 4" in text and "about the writer" not in text


def test_author_box_stays_with_the_rule_off(monkeypatch):
    monkeypatch.setattr(tails, "AUTHOR_BOX_LINES", False)
    text = article_text(parse_html(story_page(_BIO)))
    assert "freelance writer" in text


def test_about_page_stays():
    # With no story above it, "About Jane Harbour" is what the page is about.
    page = ("<html><head><title>About</title></head><body><div class='content'>" + _BIO
            + "</div></body></html>")
    text = article_text(parse_html(page))
    assert "freelance writer" in text


# The site's notes among the body's last blocks (rule trailing_notes): an affiliate-link
# disclosure set under the post, a "Last updated on <day>" line. Shapes of wcxb-dev and
# wcxb-dev-extra tune article pages (blogs, 2025); the human golds leave them out at the bottom
# of a post (and split on the same disclosure at its top, which stays).
_DISCLOSURE = ("<p>This post may contain affiliate links. If you buy through them, we may earn "
               "a small commission at no extra cost to you.</p>")


def test_affiliate_disclosure_under_the_story_leaves():
    text = article_text(parse_html(story_page(_DISCLOSURE)))
    assert "Paragraph 4 of the story" in text and "affiliate links" not in text


def test_last_updated_line_under_the_story_leaves():
    text = article_text(parse_html(story_page("<p>Last updated on June 2, 2025</p>")))
    assert "Paragraph 4 of the story" in text and "Last updated" not in text


def test_trailing_notes_stay_with_the_rule_off(monkeypatch):
    monkeypatch.setattr(tails, "TRAILING_NOTES", False)
    text = article_text(parse_html(story_page(_DISCLOSURE + "<p>Last reviewed January 2023</p>")))
    assert "affiliate links" in text and "Last reviewed" in text


def test_a_disclosure_at_the_top_stays():
    page = story_page("").replace("<p>Paragraph 0", _DISCLOSURE + "<p>Paragraph 0", 1)
    text = article_text(parse_html(page))
    assert "affiliate links" in text


def test_an_updated_sentence_and_a_story_about_affiliates_stay():
    text = article_text(parse_html(story_page(
        "<p>Updated my garden plan on June 2, 2025 after the frost took the beans.</p>"
        "<p>Affiliate marketing pays some bloggers well; a few earn a living from it.</p>")))
    assert "Updated my garden plan" in text and "Affiliate marketing pays" in text


def test_trailing_note_rules_vocabulary():
    note = tails._trailing_note
    for line in ("Last updated on June 2, 2025", "Last Updated: Nov 4, 2025",
                 "Last reviewed January 2023", "Updated July 9, 2025"):
        assert note(line, len(line.split())), line
    for line in ("Disclosure: As an Affiliate Marketer, I earn from qualifying purchases.",
                 "*Affiliate links are used in the post which means I can receive a (very) "
                 "small amount of commission if you make a purchase.",
                 "If you click on a link, we may earn a commission."):
        assert note(line, len(line.split())), line
    for line in ("Updated: see the new schedule", "Last reviewed by the editors",
                 "Our affiliate program pays partners monthly."):
        assert not note(line, len(line.split())), line
    long = "This post contains affiliate links. " + "More words of prose here. " * 20
    assert not note(long, len(long.split()))
