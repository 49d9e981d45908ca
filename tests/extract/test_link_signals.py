"""Where a page's links go, as the page-type model reads it (assess/link_signals.py)."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

from convert.extract.assess.link_signals import HEADLINE, link_signals

#: Links of a reddit thread (wcxb-dev/0562, a tune page: old.reddit.com, r/science), every
#: tenth of the page's first 400 in order: subreddit menus, search links, the thread's own
#: permalinks, in-page anchors and each commenter's profile.
THREAD = [
    "#content", "https://old.reddit.com/r/news/", "https://old.reddit.com/r/tifu/",
    "https://old.reddit.com/r/Jokes/", "https://old.reddit.com/r/gifs/",
    "https://old.reddit.com/r/listentothis/", "#", "https://www.reddit.com/wiki/reddit_101",
    "https://old.reddit.com/r/science/search/?q=flair:Medicine&restrict_sr=on&sort=new&t=all",
    "https://old.reddit.com/r/science/comments/1rkuf7s/standard_mental_health_therapies_may_"
    "fall_short/?ref=readnext_2", "#",
    "/r/science/about/moderators", "javascript:void(0)",
    "https://old.reddit.com/user/Zissoo", "javascript:void(0)",
    "https://old.reddit.com/r/science/comments/1rku5x9/fully_functional_hair_follicles_have_"
    "been_grown/o8puxpo/", "#o8ng75g",
    "https://old.reddit.com/user/Islanduniverse", "javascript:void(0)",
    "https://old.reddit.com/user/grahampositive",
]


def test_a_thread_links_to_its_posters_profiles():
    out = link_signals(THREAD, [], 5000)
    assert out["href:user"] == math.log1p(3)
    assert "href:product" not in out and "href:cart" not in out


def test_a_shop_grid_links_to_products_the_cart_and_page_two():
    hrefs = [f"/products/shoe-{i}" for i in range(12)] + ["/cart", "?page=2", "/collections/"]
    out = link_signals(hrefs, [], 5000)
    assert out["href:product"] == math.log1p(12)
    assert out["href:cart"] == out["href:page"] == out["href:category"] == math.log1p(1)


def test_a_front_page_links_headlines_to_dated_stories():
    hrefs = [f"https://news.example.com/2024/05/{d:02d}/story-{d}" for d in range(1, 21)]
    texts = [HEADLINE + 12] * 20
    out = link_signals(hrefs, texts, 2000)
    assert out["href:dated"] == math.log1p(20)
    assert out["href:headlines"] == math.log1p(20)
    assert out["href:headline_text"] == min(20 * (HEADLINE + 12) / 2000, 1.0)
    # Menu entries are not headlines.
    assert "href:headlines" not in link_signals(hrefs, [8] * 20, 2000)


def test_no_links_no_signals():
    assert link_signals([], [], 1000) == {}
    assert link_signals(["", ""], [0, 0], 1000) == {}


_PAGE = ("<html><body><h1>Boiler keeps losing pressure</h1>" + "".join(
    f"<div class='post'><a href='/members/user{i}.{i}/'>user{i}</a><p>Check the valve.</p>"
    f"<a href='/threads/boiler.12/#post-{i}'>#{i}</a></div>" for i in range(6))
    + "</body></html>")

_PROBE = """
import sys
from selectolax.lexbor import LexborHTMLParser
from convert.extract.assess.html_signals import html_signals
page = sys.stdin.read()
print(sorted(k for k in html_signals(page, LexborHTMLParser(page), None) if k.startswith("href:")))
"""


def _href_signals(ablate: str) -> str:
    env = dict(os.environ, DECRUFT_ABLATE=ablate)
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-c", _PROBE], input=_PAGE, env=env, text=True,
                          capture_output=True, check=True).stdout.strip()


def test_the_page_signals_hold_the_link_signals_unless_switched_off():
    assert _href_signals("") == "['href:post', 'href:user']"
    assert _href_signals("link_signals") == "[]"
