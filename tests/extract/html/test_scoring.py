"""Scoring and picking the winner (convert/extract/html/scoring.py)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

import convert
from convert.extract.html.measure import measuring
from convert.extract.html.scoring import score
from convert.textutil import article_text

# The shape of dragnet-R264 (tune page; a Typepad blog, 2012): a one-paragraph post beside a
# sidebar of many lists of long headline links. Each link item scores like a paragraph, so
# the lists fill the ranking of candidates before link density is applied.
POST = ("William Gibson is one of the most influential science fiction writers of our time, "
        "and he is credited with first using the term cyberspace in a 1982 story; he is also "
        "credited with predicting the rise of reality television and with establishing the "
        "conceptual foundations for the growth of virtual environments such as video games.")
HEADLINE = ("How evidence-based management pays off, and why the best bosses, in the end, "
            "listen more than they talk, number {}")


def _sidebar(lists: int = 14, items: int = 8) -> str:
    return "".join(
        "<div class='module-content'><ul class='module-list'>" + "".join(
            f"<li><a href='/l/{i}/{j}'>{HEADLINE.format(j)}</a></li>" for j in range(items))
        + "</ul></div>" for i in range(lists))


def test_short_post_beats_a_sidebar_of_headline_lists():
    page = (f"<html><body><div id='alpha'>{_sidebar()}</div><div id='beta'><div class='entry'>"
            f"<h3>William Gibson on the damage done</h3><div class='entry-body'><p>{POST}</p>"
            "<p>P.S. A big thanks to Caroline for sending this to me!</p></div></div></div>"
            "</body></html>")
    text = article_text(convert.parse(page.encode(), kind="html"))
    assert POST in text and "big thanks to Caroline" in text
    assert "evidence-based" not in text


# The shape of dragnet-R706 (tune page; a news site, 2012): the story's paragraphs sit in a
# block inside its <article>; beside the <article>, the page's own wrapper holds teaser
# paragraphs of other stories, which lift the wrapper's score above the <article>'s, so the
# climb from the story's block went through the <article> to the wrapper.
STORY = ("It's Friday, and the deals below, chosen by our partner, will equip you with items "
         "designed for a party, a trip or a quiet weekend at home, <a href='/d/{0}'>as listed "
         "in our deals page for this week</a>, with free shipping, mostly.")
TEASER = ("Another story, {0}: how much would you overlook, in the end, to get the newest "
          "phone with timely updates, a good camera and a battery that lasts all day long?")


def test_climb_stops_at_the_article_around_the_winner():
    story = "".join(f"<p>{STORY.format(i)}</p>" for i in range(5))
    teasers = "".join(f"<div class='t'><p>{TEASER.format(i)}</p></div>" for i in range(6))
    page = (f"<html><body><section id='content'><article class='standalone'><h1>The deals"
            f"</h1><div class='body'>{story}</div></article>"
            f"{teasers}</section></body></html>")
    text = article_text(convert.parse(page.encode(), kind="html"))
    assert "It's Friday" in text
    assert "Another story" not in text


# The shape of dragnet-151 and dragnet-R840 (tune pages; BBC News and a blog, 2012): no
# <article>, the story's block holds the headline (the <h1> the <title> repeats) and its
# paragraphs; the page's wrapper beside it holds teaser paragraphs of other stories, which lift
# the wrapper above the story's block. Rule climb_stops_at_headline.
def _headed_story_page() -> bytes:
    story = "".join(f"<p>{STORY.format(i)}</p>" for i in range(5))
    teasers = "".join(f"<div class='t'><p>{TEASER.format(i)}</p></div>" for i in range(6))
    return (f"<html><head><title>The deals of the week - Gadget News</title></head><body>"
            f"<div id='main-content'><div class='story-body'><h1>The deals of the week</h1>"
            f"<div class='body'>{story}</div></div>{teasers}</div></body></html>").encode()


def test_climb_stops_at_the_block_holding_the_headline():
    text = article_text(convert.parse(_headed_story_page(), kind="html"))
    assert "It's Friday" in text
    assert "Another story" not in text


def test_climb_passes_the_headline_with_the_rule_off(monkeypatch):
    from convert.extract.html import scoring
    monkeypatch.setattr(scoring, "CLIMB_STOPS_AT_HEADLINE", False)
    text = article_text(convert.parse(_headed_story_page(), kind="html"))
    assert "It's Friday" in text and "Another story" in text


# The shape of dragnet-268 (tune page; BBC News, 2012): a three-paragraph story, and in the
# page's footer a one-paragraph notice about the browser, longer than any of its paragraphs.
NOTICE = ("This page is best viewed in an up-to-date web browser with style sheets (CSS) "
          "enabled. While you will be able to view the content of this page in your current "
          "browser, you will not be able to get the full visual experience. Please consider "
          "upgrading your browser software or enabling style sheets (CSS) if you are able to.")


def test_browser_notice_never_outscores_a_short_story():
    story = ("<p>People from all over the world are coming to London to see the Games.</p>"
             "<p>Scott and Kathy Cleveland from Idaho are among the thousands making the trip."
             "</p><p>They made a home-made movie about their preparations for the visit.</p>")
    page = (f"<html><body><div class='nav'><a href='/'>Home</a> <a href='/us'>US</a></div>"
            f"<div class='layout-block'><h1>Scott and Kathy Cleveland are coming to the "
            f"Olympics</h1>{story}</div><div id='obit'><p><strong>{NOTICE}</strong></p></div>"
            "</body></html>")
    text = article_text(convert.parse(page.encode(), kind="html"))
    assert "home-made movie" in text and "best viewed" not in text
    # The notice gives its block no points: it can never be the winner.
    tree = LexborHTMLParser(page)
    with measuring(tree.body):
        scored = [c.node.attributes.get("id") for c in score(tree.body).values()]
    assert "obit" not in scored


# The shape of dragnet-R716 (tune page; a Blogger blog, 2012): a one-paragraph post inside
# nested wrappers named as content (#main > #main2 > .post > .post-body), each scoring nearly
# as well as the post by its points and class weight; beside them, in the page's #content,
# the sidebar's lists of archive links. Counted as "strong runners-up", the wrappers lifted
# the winner to #content, lists and all (rule wrapper_runners_up keeps it).
SHORT_POST = ("The mayor said on Monday that the harbour would reopen in May, after the "
              "dredging of the eastern basin, and that the ferry to the islands would run "
              "twice a day.")


def _wrapped_post_page() -> bytes:
    lists = "".join("<ul class='recently'>" + "".join(
        f"<li><a href='/a/{i}/{j}'>A story from the archive about the town and its people, "
        f"number {j}</a></li>" for j in range(12)) + "</ul>" for i in range(3))
    return (f"<html><body><div id='content'><div class='box'>{lists}</div><div id='main'>"
            f"<div id='main2'><div class='post'><h3>Harbour to reopen</h3><div "
            f"class='post-body'><p>{SHORT_POST}</p></div></div></div></div></div></body></html>"
            ).encode()


def test_the_winners_own_wrappers_do_not_lift_it_to_a_wrapper_of_links():
    text = article_text(convert.parse(_wrapped_post_page(), kind="html"))
    assert SHORT_POST in text and "from the archive" not in text


def test_the_wrappers_lift_it_with_the_rule_off(monkeypatch):
    from convert.extract.html import scoring
    monkeypatch.setattr(scoring, "WRAPPER_RUNNERS_UP", False)
    text = article_text(convert.parse(_wrapped_post_page(), kind="html"))
    assert "from the archive" in text


# The benchmark hook of tests/bench/rerank.py (issue #13's winner re-ranking experiment):
# reordering the ranked candidates of a pass makes another one the winner, and the hook is
# empty in use. The page is the shape of the test above: a post beside lists of archive links.
def test_reordering_the_ranked_candidates_changes_the_winner(monkeypatch):
    from convert.extract.html import content
    from convert.extract.html.measure import LEVELS
    assert content.RERANK == {}
    seen: list[list[str]] = []

    def last_first(ranked):
        seen.append([c.node.attributes.get("id") or c.node.attributes.get("class") or c.node.tag
                     for c in ranked])
        return ranked[-1:] + ranked[:-1]
    monkeypatch.setattr(content, "RERANK", {level: last_first for level in LEVELS})
    text = article_text(convert.parse(_wrapped_post_page(), kind="html"))
    assert seen and seen[0][0] == "post-body"
    # the last ranked candidate is a list of archive links: it wins, instead of the post alone
    assert "from the archive" in text
