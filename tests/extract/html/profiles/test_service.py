"""The service profile: every headed section of a landing page, not the one with the most
prose; the header, navigation and footer stay out."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html import parse_html, profiles
from convert.extract.html.profiles import service
from convert.textutil import article_text, block_texts

_SECTIONS = [
    ("Bookkeeping for small firms", "We keep your books in order every month, reconcile your "
     "accounts and send you a clear report you can read in five minutes, with the numbers that "
     "matter for your decisions, your bank and your tax adviser, all year round."),
    ("Payroll", "Pay your team on time."),
    ("Tax returns", "We file on time, every time."),
    ("Pricing", "From 90 euros a month."),
]


def _page() -> bytes:
    sections = "".join(f"<section class='block'><div class='inner'><h2>{h}</h2><p>{p}</p>"
                       f"</div></section>" for h, p in _SECTIONS)
    return (f"<html><head><title>Ledger &amp; Co</title></head><body><header><nav>"
            f"<a href='/'>Home</a><a href='/about'>About us</a></nav></header>"
            f"<div class='page'>{sections}</div><footer><a href='/privacy'>Privacy</a>"
            f"<p>Copyright 2024 Ledger &amp; Co.</p></footer></body></html>").encode()


def test_all_sections_are_kept_on_a_service_page(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("service", 0.9, {}))
    text = article_text(parse_html(_page()))
    for heading, para in _SECTIONS:
        assert heading in text and para in text
    assert "About us" not in text and "Copyright" not in text


def test_widen_climbs_to_the_link_free_region_not_past_it():
    html = _page().decode().replace("<div class='page'>", "<div class='page'><div class='all'>")
    # A block of links inside the page wrapper: the wrapper is no longer content.
    html = html.replace("</div><footer>", "</div>" + "".join(
        f"<a href='/x{i}'>A link to another part of the site number {i}</a>" for i in range(30))
        + "</div><footer>")
    tree = LexborHTMLParser(html)
    winner = tree.css_first("section .inner")
    region = service.widen([winner])
    assert region is not None and region.attributes.get("class") == "all"


def test_a_winner_holding_the_page_is_not_widened():
    tree = LexborHTMLParser(_page().decode())
    assert service.widen([tree.css_first("div.page")]) is None


def _landing(main_attrs: str = "", inside_main: str = "", accordion: bool = True) -> bytes:
    """A landing page: a hero, a grid of service cards (each a link holding its description),
    an accordion of questions the pruning drops when collapsed, all in <main>."""
    cards = "".join(f"<a class='card' href='/s/{i}'><h3>{h}</h3><span>{p}</span></a>"
                    for i, (h, p) in enumerate(_SECTIONS))
    faq = ("<section class='faq'><h2>Questions</h2><div class='accordion'>"
           "<div class='panel-collapse collapse'><p>Can I switch from my current accountant at "
           "any time of the year without paying twice for the same month?</p></div></div>"
           "</section>") if accordion else ""
    return (f"<html><head><title>Ledger</title></head><body><header><nav><a href='/'>Home</a>"
            f"<a href='/about'>About us</a></nav></header><main{main_attrs}>{inside_main}"
            f"<section class='hero'><h1>Books kept, taxes filed</h1><p>The accounting firm for "
            f"small businesses that would rather run their business than read ledgers.</p>"
            f"</section><section class='services'><h2>What we do</h2>{cards}</section>{faq}"
            f"</main><footer><a href='/privacy'>Privacy</a><p>Copyright 2024 Ledger.</p>"
            f"</footer></body></html>").encode()


def test_page_main_is_the_content_without_the_chrome_inside_it():
    html = _landing(inside_main="<nav class='breadcrumbs'><a href='/'>Home</a> / "
                                "<a href='/services'>Services</a></nav>"
                                "<div class='cookie-banner'><p>We use cookies to improve your "
                                "experience. Accept all cookies?</p></div>").decode()
    main = service.page_main(LexborHTMLParser(html).body)
    assert main is not None and main.tag == "main"
    from convert.extract.html.builder import Builder
    text = " ".join(block_texts(service.main_blocks(main, Builder(None))))
    assert "Books kept" in text and "Can I switch" in text
    for heading, para in _SECTIONS:
        assert heading in text and para in text
    assert "cookies" not in text and "Services" not in text


def test_a_main_wrapping_the_site_footer_is_no_content():
    html = _landing().decode().replace("</main><footer>", "<footer>").replace(
        "</footer></body>", "</footer></main></body>")
    assert service.page_main(LexborHTMLParser(html).body) is None
    # An article's own footer inside <main> is the article's.
    html = _landing(inside_main="<article><p>A note.</p><footer>Filed under news</footer>"
                                "</article>").decode()
    assert service.page_main(LexborHTMLParser(html).body) is not None


def test_a_main_of_short_links_is_no_content():
    links = "".join(f"<a href='/p/{i}'>Page {i}</a>" for i in range(80))
    html = f"<html><body><main><p>Our pages.</p>{links}</main></body></html>"
    assert service.page_main(LexborHTMLParser(html).body) is None


def test_service_profile_takes_the_whole_main(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("service", 0.9, {}))
    text = article_text(parse_html(_landing()))
    assert "Books kept" in text and "What we do" in text
    for heading, para in _SECTIONS:
        assert heading in text and para in text
    assert "About us" not in text and "Copyright" not in text


def test_collapsed_panels_in_main_are_kept():
    faq = ("<section class='faq'><h2>Questions</h2>"
           "<div class='accordion__item'><button>Can I switch mid-year?</button>"
           "<div class='accordion__content' style='height: 0; visibility: hidden'>"
           "<p>Yes, we take over your books in any month and file what is still open.</p>"
           "</div></div></section>")
    html = _landing(inside_main=faq, accordion=False).decode()
    # A hidden element that is no panel stays out.
    html = html.replace("<section class='hero'>", "<div style='display:none'><p>Tracking "
                        "pixel fallback text</p></div><section class='hero'>")
    from convert.extract.html.builder import Builder
    main = service.page_main(LexborHTMLParser(html).body)
    text = " ".join(block_texts(service.main_blocks(main, Builder(None))))
    assert "we take over your books" in text and "Tracking" not in text


def test_a_page_without_main_stands_on_its_body_without_header_and_footer():
    html = _landing().decode().replace("<main>", "<div class='content'>").replace(
        "</main>", "</div>")
    html = html.replace("<section class='hero'>", "<section class='hero'><header><h1>Ledger "
                        "hero title</h1></header>")
    body = LexborHTMLParser(html).body
    assert service.page_main(body) is not None and service.page_main(body).tag == "body"
    from convert.extract.html.builder import Builder
    text = " ".join(block_texts(service.main_blocks(service.page_main(body), Builder(None))))
    # The page's header and footer are out; a section's own header is in.
    assert "About us" not in text and "Copyright" not in text
    assert "Ledger hero title" in text and "Books kept" in text


def test_main_blocks_of_deeply_nested_markup_neither_recurse_nor_rewalk(monkeypatch):
    # A page nested past the recursion limit, its chrome at the bottom: the walk child by
    # child must not recurse once per level, nor search each level's subtree again.
    from convert.extract.html.builder import Builder
    n = 1500
    html = ("<body><main><h1>Deep</h1>" + "<div class='x'>" * n
            + "<nav><a href='/'>Home</a></nav><p>The deep paragraph of text.</p>"
            + "</div>" * n + "</main></body>")
    main = LexborHTMLParser(html).body.css_first("main")
    calls = []
    chrome = service._chrome
    monkeypatch.setattr(service, "_chrome", lambda *a: calls.append(1) or chrome(*a))
    text = " ".join(block_texts(service.main_blocks(main, Builder(None))))
    assert "Deep" in text and "The deep paragraph of text." in text
    assert len(calls) < 10 * n
