"""convert.extract.html.meta.title: the headline chosen among the declared titles, the <h1>
and the <title> (rules added for issue #13, part 8; synthetic pages)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.meta import extract


def _title(head: str, body: str = "", url: str | None = None) -> str | None:
    page = f"<html><head>{head}</head><body>{body}<p>Some text.</p></body></html>"
    return extract(LexborHTMLParser(page), url)["title"]


def test_h1_opening_a_name_description_title_is_the_subject_when_the_site_is_named():
    # A category page: the <h1> names it, the declared title adds a description after a colon
    # and the shop's name after a pipe.
    head = ('<title>Trail Shoes: Running, Hiking &amp; Approach | Acme Outfitters</title>'
            '<meta property="og:site_name" content="Acme">')
    assert _title(head, "<h1>Trail Shoes</h1>") == "Trail Shoes"


def test_h1_opening_a_colon_title_is_a_blogs_name_when_the_site_is_unknown():
    # With no site name declared, "Blog Name: Post title" keeps the post's title.
    head = "<title>Quiet Circuits: Flashing a tiny FPGA from a browser</title>"
    assert _title(head, "<h1>Quiet Circuits</h1>") == (
        "Quiet Circuits: Flashing a tiny FPGA from a browser")


def test_page_pipe_site_title_is_read_up_to_its_last_pipe():
    # No <h1>, no site name declared: the site's name closes the title, however long it is.
    head = "<title>Ladders - Overview | Office of Workplace Safety and Health Standards</title>"
    assert _title(head) == "Ladders - Overview"


def test_pipe_title_whose_head_is_the_declared_site_keeps_the_page_part():
    head = ('<title>Acme Labs | Measuring the Speed of Light at Home</title>'
            '<meta property="og:site_name" content="Acme Labs">')
    assert _title(head) == "Measuring the Speed of Light at Home"
