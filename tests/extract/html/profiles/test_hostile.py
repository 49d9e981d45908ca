"""The profiles open up what a page hides (tab panels, accordions, streamed segments,
noscript threads, aria-hidden card links): what they open never brings a live script, an
event handler or a ``javascript:`` link into what we write."""

from __future__ import annotations

import pytest

import convert
from convert.extract.html import profiles

_P = "<p>" + "This widget is built from recycled aluminium and carries a long warranty. " * 3 + "</p>"
_EVIL = ('<script>alert("x1")</script><img src=x onerror="alert(2)">'
         '<a href="javascript:alert(3)">click here now</a><iframe src="javascript:alert(4)"></iframe>'
         '<svg onload="alert(5)"><script>alert(6)</script></svg>'
         '<a href="  JaVaScRiPt:alert(8)">more</a><button onclick="alert(10)">b</button>'
         '<noscript><p onclick="alert(11)">NS <script>alert(12)</script></p></noscript>'
         '<template><script>alert(13)</script><p>TEMPLATE</p></template>')


def _post(i: int) -> str:
    return (f'<div class="post"><span class="username"><a href="/members/u{i}">user{i}</a></span>'
            f'<time>2024-01-0{i % 9 + 1}</time><div class="message">{_P}{_EVIL}</div></div>')


def _card(i: int) -> str:
    return (f'<li class="card"><a href="javascript:alert({i})"><h3>Item {i} title words here</h3>'
            f'</a><a aria-hidden="true" tabindex="-1" href="javascript:alert(7)">Summary of item'
            f' {i} with more words</a><p>Short description of item {i}, long enough.</p>'
            f'<span>$1{i}.00</span>{_EVIL}</li>')


PAGES = {
    "product": ("<html><body><main><h1>Widget Pro</h1><span class=price>$19.99</span>"
                f"<div role=tabpanel class=tab-pane hidden>{_P}{_EVIL}</div>"
                f"<div class='accordion-panel collapse' style='display:none'>{_P}{_EVIL}</div>"
                f"<div class=product-description>{_P}{_EVIL}</div><div class=reviews>{_P * 3}</div>"
                "<template id='P:1'></template></main>"
                f"<div hidden id='S:1'><p>Streamed</p>{_P}{_EVIL}</div></body></html>"),
    "documentation": ("<html><body><main><header class=page-header><h1>Installing</h1>"
                      f"{_P}{_P}{_EVIL}</header><section id=s-widgets><h2 class='anchor "
                      f"anchorWithStickyNavbar_x'>Widgets</h2>{_P}<div role=tabpanel hidden>"
                      f"<pre>pip install x</pre>{_EVIL}</div><div class=dropdown-menu>"
                      "<a href='javascript:alert(21)'>v1</a></div></section>"
                      "<template id='B:3'></template></main>"
                      f"<div hidden id='S:3'><pre>npm i x</pre>{_EVIL}</div></body></html>"),
    "forum": ("<html><body><h1>Help with widgets</h1><div class=thread>"
              + "".join(_post(i) for i in range(3)) + "</div><noscript><div>"
              + "".join(_post(i) for i in range(3, 7)) + "</div></noscript></body></html>"),
    "listing": ("<html><body><div class=wrap><h1>Recipes</h1><ul class=grid>"
                + "".join(_card(i) for i in range(8)) + "</ul></div></body></html>"),
    "service": ("<html><body><main><h1>Plumbing</h1>" + _P + "<div class=faq><div class=answer "
                f"hidden>{_P}{_EVIL}</div></div><div class=accordion><div class=panel "
                f"style='display:none'>{_P}{_EVIL}</div></div></main></body></html>"),
}
_LIVE = ("alert(", "javascript:", "onerror", "onclick", "onload", "<script", "<iframe", "<svg",
         "TEMPLATE")


@pytest.mark.parametrize("kind", sorted(profiles._PROFILES))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_what_a_profile_opens_up_never_leaks_scripts_or_markup(monkeypatch, kind, name):
    monkeypatch.setattr(profiles, "page_type", lambda *a: (kind, 1.0, None))
    article = convert.parse(PAGES[name].encode())
    for fmt in ("md", "json", "txt"):
        out = convert.render(article, fmt).decode().lower()
        assert not [s for s in _LIVE if s.lower() in out], (kind, name, fmt)
