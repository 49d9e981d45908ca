"""The winner's siblings that join it (:mod:`convert.extract.html.siblings`): a lead wrapper
right above the body does, a promo or distant block does not; a sibling list of other stories'
"Read more" teasers never does."""

from __future__ import annotations

import pytest

from convert.extract.html import parse_html
from convert.textutil import article_text

from .test_defects import LONG

LEAD = ("Thousands of commuters pass the old station every day: from next spring they will see "
        "the new tower rising behind the platforms.")


def test_lead_wrapper_above_the_body_joins_the_winner():
    copy = "".join(f"<p>{i}: {LONG}</p>" for i in range(4))
    page = (f"<html><body><div class='news'><div class='teaser-text'><p>{LEAD}</p></div>"
            f"<div class='media'><img src='/tower.jpg'></div>"
            f"<div class='news-text-wrap'>{copy}</div></div></body></html>")
    text = article_text(parse_html(page.encode()))
    assert text.startswith("Thousands of commuters") and "3: Readers wrote" in text


@pytest.mark.parametrize("lead", [
    f"<section class='widget widget_text above-content'><p>{LEAD}</p></section>",
    f"<div class='intro'><p>{LEAD}</p></div><div class='crumbs-line'>Home / News</div>",
])
def test_promo_or_distant_block_above_the_body_is_not_a_lead(lead):
    copy = "".join(f"<p>{i}: {LONG}</p>" for i in range(4))
    page = (f"<html><body><div class='news'>{lead}<div class='news-text-wrap'>{copy}</div>"
            "</div></body></html>")
    text = article_text(parse_html(page.encode()))
    assert "Thousands of commuters" not in text and "3: Readers wrote" in text


# A press room's release page: the release, and beside it (a sibling of the winner, not
# named as boilerplate) the list of the latest releases, each a headline, a summary long
# enough to score like prose and a "Read more..." link (rule ``teaser_siblings``; shape of
# a corporate press room, issue #13 "teaser lists merged").

def _release_item(i: int) -> str:
    return (f"<li><h3>Company news {i}: a new product line comes to stores</h3><p>The "
            f"company said on Monday that its new line, made in three plants, shipped to "
            f"retailers, clubs and its own shops, and would sell at a lower price than the "
            f"last one, for the holidays. <a href='/news/{i}'>Read more...</a></p>"
            f"<span>2012-11-0{i}</span></li>")


def _press_page(read_more_in_story: bool = False) -> str:
    extra = " <a href='/faq'>Read more</a>" if read_more_in_story else ""
    story = "".join(
        f"<p>Release paragraph {i}: the new console goes on sale in New York at midnight, "
        f"with a launch event, games, guests and a line that, the company said, could reach "
        f"around the block, as it did for the last one.{extra if i == 0 else ''}</p>"
        for i in range(5))
    return ("<html><head><title>Launch event - Press room</title></head><body>"
            "<div id='container'><div id='mainPrimary'><h1>Launch event</h1>" + story
            + "</div><div id='secondaryContentContainer'><h3>Latest releases</h3><ul>"
            + "".join(_release_item(i) for i in range(1, 6)) + "</ul></div></div>"
            "</body></html>")


def test_sibling_list_of_read_more_teasers_stays_out():
    text = article_text(parse_html(_press_page()))
    assert "Release paragraph 0" in text and "Release paragraph 4" in text
    assert "Company news" not in text and "Read more" not in text


def test_one_read_more_link_in_the_story_is_no_teaser_list():
    text = article_text(parse_html(_press_page(read_more_in_story=True)))
    assert "Release paragraph 0" in text and "Release paragraph 4" in text
