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


_TABLE = ("<div id='root'><table><tr><td class='label'>Comments:</td>"
          "<td class='tablecell comments'>22 pages, 9 figures</td></tr>"
          "<tr><td class='comments'><p>Ann: great post</p><p>Bob: agreed</p></td>"
          "<td>2 replies</td></tr></table><div class='comments'><p>A reader</p></div></div>")


def _dropped() -> list[str]:
    tree = LexborHTMLParser(_TABLE)
    root = tree.css_first("#root")
    return [node.text() for node in chrome.chrome_blocks(root, len(root.text()), {})]


def test_a_data_cell_named_comments_is_data():
    # A paper's metadata table has a "Comments:" row whose value cell is classed "comments"
    # (rule data_cells): kept; a cell holding paragraphs (a layout table's comment thread)
    # and a named <div> still go.
    assert _dropped() == ["Ann: great postBob: agreed", "A reader"]


def test_data_cells_off_drops_the_cell(monkeypatch):
    monkeypatch.setattr(chrome, "DATA_CELLS", False)
    assert "22 pages, 9 figures" in _dropped()


_MORE = ("<div id='root'><div class='more-episodes'><p>Episode 111</p></div>"
         "<div class='more_posts'><p>Older</p></div><div class='morestories-list'><p>x</p></div>"
         "<div class='course-card-grid-more-posts'><p>Deep</p></div>"
         "<div class='moreover'><p>Story</p></div></div>")


def test_a_more_stories_box_is_named_chrome():
    # "More episodes", "More posts" boxes under a story (rule more_lists), however "posts"
    # reads; a longer word (``moreover``) and a word deep in a component's path are not.
    tree = LexborHTMLParser(_MORE)
    named = {node.text(): chrome.named_chrome(node) for node in tree.css("#root > div")}
    assert named == {"Episode 111": True, "Older": True, "x": True, "Deep": False,
                     "Story": False}


def test_more_lists_off_names_none(monkeypatch):
    monkeypatch.setattr(chrome, "MORE_LISTS", False)
    chrome._chrome_label.cache_clear()
    chrome._chrome_token.cache_clear()
    try:
        tree = LexborHTMLParser(_MORE)
        assert not any(chrome.named_chrome(node) for node in tree.css("#root > div"))
    finally:
        chrome._chrome_label.cache_clear()
        chrome._chrome_token.cache_clear()
