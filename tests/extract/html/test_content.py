"""convert.extract.html.content: the cascade's handling of the page as a whole (synthetic
pages)."""

from __future__ import annotations

import pytest

import convert
from convert.errors import DecruftError
from convert.extract.html import content
from convert.extract.html.dom import parse

_POSTS = [("ann", "My starter stopped rising after a week in the fridge and a grey liquid sits "
                  "on top of it. Can it be revived?"),
          ("bob", "That liquid is hooch. Pour it off, discard half and feed it twice a day at "
                  "room temperature for three days."),
          ("cy", "Two feedings of whole rye flour woke mine right up last winter, give it a try.")]


def _shell(visible: str = "") -> str:
    # A script-built forum as a browser gets it: an empty application shell, and the thread's
    # crawler view inside <noscript> (a short thread: under the noscript rule's 1,000
    # characters of text).
    posts = "".join(f"<div class='crawler-post'><span itemprop='author'>{a}</span>"
                    f"<time datetime='2024-03-0{i + 1}'>March {i + 1}, 2024</time>"
                    f"<div class='post'><p>{t}</p></div></div>" for i, (a, t) in enumerate(_POSTS))
    return (f"<html><body><section id='main'>{visible}</section><noscript data-path='/t/1'>"
            f"<div id='main-outlet'><h1>Starter stopped rising</h1>{posts}</div></noscript>"
            f"</body></html>")


def test_a_short_crawler_view_beside_an_empty_shell_is_the_page(monkeypatch):
    html = _shell()
    assert content._unwrap_noscript(html, parse(html))[1]
    text = convert.render(convert.parse(html.encode(), kind="html"), "txt").decode()
    assert all(t in text for _, t in _POSTS)
    # A page that shows text of its own keeps it: the short noscript block is no page.
    html = _shell("<p>" + "A visible article paragraph of the page's own words. " * 4 + "</p>")
    assert not content._unwrap_noscript(html, parse(html))[1]
    monkeypatch.setattr(content, "NOSCRIPT_SHELL", False)
    with pytest.raises(DecruftError):
        convert.parse(_shell().encode(), kind="html")
