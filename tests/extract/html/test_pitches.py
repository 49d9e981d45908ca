"""The template's widgets and pitches around a news story or a blog post leave the body
(:mod:`convert.extract.html.pitches`; issue #13, r-news14). Synthetic pages in the style of
common templates: a WordPress news theme's "- Advertisement -" slot label, a blog platform's
reading-time stamp, a government page's feedback prompt, a newsletter platform's member and
sign-up buttons, a podcast page's "Support the show" box and sponsor read, a local paper's
paywall pitch and app promo, a US paper's "More:" teaser line, a paper's "Order Reprints |
Today's Paper | Subscribe" bar. Each with its rule off keeps the line, and the story's own
sentences that resemble them stay."""

from __future__ import annotations

import pytest

from convert.extract.html import parse_html, pitches
from convert.textutil import article_text
from storypages import story, story_page


def _text(line: str) -> str:
    """The story with ``line`` between its paragraphs (where no rule on a body's tail
    reaches it)."""
    return article_text(parse_html(story_page(line + story(3), paragraphs=3)))


_CASES = [
    ("FRAMED_BOILERPLATE", "<div><span>- Advertisement -</span></div>",
     "Advertisement"),
    ("WIDGET_LINES", "<p>4 min read</p>", "4 min read"),
    # (a button's pitch is a pitch line too: both rules read it)
    ("WIDGET_LINES,PITCH_LINES", "<p>Become a paid subscriber today</p>", "paid subscriber"),
    ("WIDGET_LINES", "<p>Sign up here.</p>", "Sign up here"),
    ("WIDGET_LINES", "<h3>Support the show</h3>", "Support the show"),
    ("WIDGET_LINES", "<p>Continue reading the main story</p>", "Continue reading"),
    ("WIDGET_LINES", "<p>Sponsored content</p>", "Sponsored"),
    ("WIDGET_LINES", "<p>Subscribe to continue reading</p>", "continue reading"),
    ("WIDGET_LINES", "<p>Already a subscriber? Sign in</p>", "Already a subscriber"),
    ("WIDGET_LINES", "<p>Listen to this article</p>", "Listen to this"),
    ("WIDGET_LINES", "<p>Published 4 hours ago</p>", "hours ago"),
    ("PITCH_LINES", "<p>Enjoying these deep dives? Become a member to get every new story "
     "delivered to your inbox.</p>", "Enjoying these deep dives"),
    ("PITCH_LINES", "<p>The Harbour Hour is listener-supported. Join on Patreon for bonus "
     "episodes.</p>", "listener-supported"),
    ("PITCH_LINES", "<p>Unlimited access to the Harbour Gazette for just $1. <a href='/s'>"
     "Subscribe now</a></p>", "Unlimited access"),
    ("PITCH_LINES", "<p><strong>&gt;&gt;&gt; Download the Harbour 4 app for breaking news and "
     "weather alerts</strong></p>", "Download the Harbour 4 app"),
    ("PITCH_LINES", "<p>This episode is brought to you by Quay Bank. Visit quaybank.example to "
     "learn more.</p>", "brought to you by"),
    ("PITCH_LINES", "<p>Consider a donation if you like what you read here!</p>",
     "Consider a donation"),
    ("WIDGET_LINES", "<p>1.2K Shares</p>", "1.2K Shares"),
    ("WIDGET_LINES", "<p>Share on Facebook Share on X</p>", "Share on Facebook"),
    ("WIDGET_LINES", "<p>Duration 2:14</p>", "Duration"),
    ("PITCH_LINES", "<p>Love the show? Leave us a rating and review on your podcast app. It "
     "helps other listeners find us.</p>", "Love the show"),
    ("PITCH_LINES", "<p>Thanks for reading! If you enjoyed this post, please share it with a "
     "friend.</p>", "Thanks for reading"),
    ("PITCH_LINES", "<p>Support local journalism. Donate to Harbour Radio today.</p>",
     "Support local journalism"),
    ("PITCH_LINES", "<p>Have a news tip? Email us at tips@gazette.example or call 555-0100.</p>",
     "Have a news tip"),
    ("PITCH_LINES", "<p>We believe in the free flow of information. Republish our articles for "
     "free, online or in print, under a Creative Commons license.</p>", "free flow"),
    ("POST_META_FOOTER", "<p>Posted in <a href='/c'>Harbour</a> | <a href='#c'>12 Comments</a>"
     "</p>", "Posted in"),
    ("WIDGET_LINES", "<p>Story continues below advertisement</p>", "Story continues"),
    ("WIDGET_LINES", "<p>3-Minute Listen</p>", "Minute Listen"),
    # (in capitals and one link, a capitals teaser too: both rules read it)
    ("PITCH_LINES,CAPS_LINK_TEASERS", "<p><strong><a href='/apps'>CLICK HERE TO GET THE "
     "GAZETTE APP</a></strong></p>", "CLICK HERE"),
    ("PITCH_LINES", "<p>Would you consider becoming a supporter of the Gazette?</p>",
     "becoming a supporter"),
    ("PITCH_LINES", "<p><em>Have you sailed the new ferry? Email this reporter at "
     "ann@gazette.example.</em></p>", "Email this reporter"),
    ("CAPS_LINK_TEASERS", "<p><strong><a href='/x'>MAYOR SAYS QUAY CLOSURE COULD LAST MONTHS"
     "</a></strong></p>", "QUAY CLOSURE"),
    ("TEASER_LABEL_WORDS", "<p><strong>Go deeper:</strong> <a href='/x'>Ports race to dredge "
     "their basins</a></p>", "Ports race"),
    ("TEASER_LABEL_WORDS", "<p><strong>More:</strong> <a href='/x'>Ferry timetable changes "
     "for the summer</a></p>", "Ferry timetable"),
    ("LINK_BARS", "<p><a href='/r'>Order Reprints</a> | <a href='/p'>Today's Paper</a> | "
     "<a href='/s'>Subscribe</a></p>", "Order Reprints"),
]


@pytest.mark.parametrize("flag,tail,gone", _CASES)
def test_template_line_leaves(flag, tail, gone):
    text = _text(tail)
    assert "Paragraph 2 of the story" in text
    assert gone not in text


@pytest.mark.parametrize("flag,tail,gone", _CASES)
def test_template_line_stays_with_its_rule_off(monkeypatch, flag, tail, gone):
    for name in flag.split(","):
        monkeypatch.setattr(pitches, name, False)
    assert gone in _text(tail)


@pytest.mark.parametrize("line", [
    # A story's sentences that share words with the pitches.
    "She urged residents to become a member of the harbour society before the vote in May.",
    "The harbour master said he would support the show of boats planned for the summer fair.",
    "Fishermen earn more on Patreon than at the market, one of them told the council.",
    "Readers can download the report from the authority's website, the spokesman said.",
    "This episode of flooding was the worst the quay has seen since 1953.",
    "Thanks for reading the minutes aloud, the chairman told the clerk before the vote.",
    "Up next on the council's agenda was the question of the ferry fares for the winter.",
    "Posted in the harbour office | the notice said the quay would close for a week.",
    "Click here to get your free copy of the harbour guide, the authority's leaflet says.",
    "Most popular among the visitors were the boat tours, which sold out by noon.",
    "Sponsored by the harbour authority, the regatta drew forty boats this year.",
])
def test_story_sentences_stay(line):
    assert line in _text(f"<p>{line}</p>")


def test_a_box_heading_still_labels_its_list():
    # "Trending" over a list of headlines below the story: the related-tail rule reads the
    # heading as the box's label and ends the body there, list and all (a widget rule taking
    # the heading first left the list behind).
    tail = ("<h3>Trending</h3><ul><li><a href='/1'>Five things to do on the quay this weekend"
            "</a></li><li><a href='/2'>Frost warning for the harbour tonight</a></li>"
            "<li><a href='/3'>Ferry fares for the winter</a></li></ul>")
    text = article_text(parse_html(story_page(tail)))
    assert "Paragraph 4 of the story" in text
    assert "Five things to do" not in text


def test_a_capitals_line_that_is_no_link_stays():
    # An all-capitals line of the story's own (a section cue, a shouted quote) is text.
    line = "THE QUAY WILL REOPEN IN MAY, THE AUTHORITY SAID"
    assert line in _text(f"<p><strong>{line}</strong></p>")


def test_a_list_of_names_with_commas_is_no_bar():
    # An author line or an index of linked names is the page's content, not a bar of links.
    tail = ("<p><a href='/a'>Ann Lee</a>, <a href='/b'>Bo Chan</a>, <a href='/c'>Cy Diaz</a>"
            "</p>")
    assert "Ann Lee" in _text(tail)


def test_a_bar_with_text_between_its_links_is_a_sentence():
    tail = ("<p><a href='/a'>The report</a> | <a href='/b'>the map</a> and then some words | "
            "<a href='/c'>the data</a></p>")
    assert "The report" in _text(tail)
