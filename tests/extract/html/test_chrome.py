"""Blocks named as boilerplate (convert/extract/html/chrome.py), on synthetic markup: the class
and id shapes the module's docstrings name."""

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html import chrome

_PAGE = ("<div id='root'><div class='jp-relatedposts'><p>Related</p></div>"
         "<div class='course-testimonials-comments'><p>Quotes</p></div>"
         "<div class='comments entry-content'><p>Story</p></div>"
         "<div id='sharing-with-a-single-developer-on-the-team'><p>Heading</p></div>"
         "<div class='recent-posts'><p id='inner'>Recent</p></div></div>")


def _named() -> dict[str, bool]:
    tree = LexborHTMLParser(_PAGE)
    return {node.text(): chrome.named_chrome(node) for node in tree.css("#root > div")}


def test_a_boilerplate_word_at_the_head_of_a_token_names_chrome():
    assert _named() == {"Related": True, "Quotes": False, "Story": False, "Heading": False,
                        "Recent": True}


def test_an_element_inside_a_named_block_is_in_chrome():
    tree = LexborHTMLParser(_PAGE)
    assert chrome.in_named_chrome(tree.css_first("#inner"))
    assert not chrome.in_named_chrome(tree.css_first("#root"))
