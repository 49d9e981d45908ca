"""Text dumps of common page kinds, probed by hand-made dumps as a browser's select-all or
innerText renders them: each names the defect it once exposed."""

from __future__ import annotations



from convert.extract.text import parse_text
from convert.textutil import article_text

from .test_pipeline import PARA, PARA2, PARA3


PARA4 = ("Neighbours said they were glad that the council had listened to them at last, and several "
         "of them offered to help plant trees along the new paths when the work begins next year.")


def test_a_comment_thread_without_a_heading_ends_the_post():
    # Comment headers "Name · 3 days ago · Reply", three or more, start the reader comments
    # even when no "Comments" heading precedes them.
    names = ["John Smith", "Mary Jones", "Peter Brown"]
    comments = "\n\n".join(f"{n} · {k} days ago · Reply\nGreat post, thanks for sharing this, "
                           f"it was very helpful to me and my family number {k}."
                           for k, n in enumerate(names, 1))
    text = f"Menu\nHome\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{comments}\n\n© 2024 Blog\n"
    body = article_text(parse_text(text))
    assert PARA3 in body and "Great post" not in body and "Reply" not in body


def test_a_bare_reply_button_after_each_post_is_not_a_thread_heading():
    # Forum threads print "Reply" after every post; their posts are the content.
    posts = "\n".join(f"user{k}\nJan {k}, 2024\n{p}\nReply" for k, p in
                      enumerate((PARA, PARA2, PARA3, PARA4), 1))
    body = article_text(parse_text(f"Forums\nNew posts\n\n{posts}\n"))
    assert PARA in body and PARA4 in body


def test_a_comment_count_in_braces_heads_the_comments():
    comments = "\n".join(f"Reader comment number {k} says that this was a lovely read, thanks so "
                         f"much for sharing it with all of us here." for k in range(3))
    text = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{{ 3 comments… read them below or add one }}\n{comments}\n"
    body = article_text(parse_text(text))
    assert PARA3 in body and "Reader comment" not in body


def test_a_headline_kept_as_the_first_body_line_is_the_title():
    # The <title> printed first ("Headline - Site") and the headline right above the body,
    # which the run kept as its first line (eight words or more are not "short"): the
    # headline is the title, not a standfirst.
    text = (f"Ten Things You Should Pack For A Day Hike - Outdoor Life\n\nHome\nHiking\nCamping\nGear\n\n"
            f"Ten Things You Should Pack For A Day Hike\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n")
    a = parse_text(text)
    assert a.meta.title == "Ten Things You Should Pack For A Day Hike" and a.meta.subtitle is None
    assert article_text(a).startswith(PARA)


def test_unbulleted_list_items_become_a_list():
    # innerText prints list items without bullets, one to a line and no blank line between:
    # a run of short non-sentences is a list; a short line over longer ones heads it.
    from convert.article import Heading, List

    text = (f"{PARA}\n\nIngredients\n3 ripe bananas\n75g melted butter\n150g caster sugar\n"
            f"1 large egg, beaten\n\n{PARA2}\n\nThen make sure you have these in your bag:\n\n"
            f"A map and compass\nPlenty of water\nSnacks and lunch\nA waterproof jacket\n\n{PARA3}\n")
    blocks = parse_text(text).blocks
    lists = [b for b in blocks if isinstance(b, List)]
    assert [len(b.items) for b in lists] == [4, 4]
    assert any(isinstance(b, Heading) and b.children[0].text == "Ingredients" for b in blocks)
    assert not any(isinstance(b, Heading) and "jacket" in b.children[0].text for b in blocks)


def test_a_title_case_headline_kept_as_the_first_body_line_is_the_title():
    # No <title> line at the top, a "Skip to content" button first: the Title Case headline
    # the run kept above the body is the title (it was the standfirst, the button the title).
    text = (f"Skip to content\nMenu\nSearch\n\nWorld\n\n"
            f"Floods Force Thousands From Their Homes In The North\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n")
    a = parse_text(text)
    assert a.meta.title == "Floods Force Thousands From Their Homes In The North"
    assert a.meta.subtitle is None and article_text(a).startswith(PARA)


def test_a_teaser_label_on_its_own_line_takes_the_next_headline():
    text = (f"{PARA}\n\nLesen Sie auch\nGovernment promises new flood defences after storms\n\n"
            f"{PARA2}\n\n{PARA3}\n")
    body = article_text(parse_text(text))
    assert PARA3 in body and "flood defences" not in body and "Lesen" not in body


def test_a_short_question_between_paragraphs_is_a_subheading():
    from convert.article import Heading

    blocks = parse_text(f"{PARA}\n\n{PARA2}\n\nWhat happens next?\n\n{PARA3}\n").blocks
    assert any(isinstance(b, Heading) and b.children[0].text == "What happens next?"
               for b in blocks)


def test_blog_comments_under_says_headers_are_dropped_with_their_dates():
    # WordPress prints "Maria says:" over each comment's date; two of them start the reader
    # comments, and a comment's date is not the article's.
    comments = "\n".join(f"{n} says:\nApril {k}, 2024 at 9:15 am\nLovely post, Lisbon is one of my "
                         f"favourite cities and you captured it perfectly, thank you {k}."
                         for k, n in enumerate(("Maria", "James Lee"), 12))
    a = parse_text(f"Menu\nHome\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{comments}\n")
    body = article_text(a)
    assert PARA3 in body and "Lovely post" not in body and "says" not in body
    assert a.meta.published is None


def test_sentence_case_teasers_above_the_headline_are_not_the_article():
    # The <title> printed first ("Headline - Site") is furniture once the headline reappears;
    # the headline then anchors the article, and teasers kept above it (sentence case, so no
    # headline-list rule fires; near-good lines that followed the article's prose) are dropped.
    paras = ("Rail passengers will pay about five per cent more for their tickets from March, the "
             "government confirmed on Wednesday, the biggest rise for more than a decade.",
             "The increase will add more than two hundred pounds a year to the cost of some season "
             "tickets, and passenger groups said it would push more people back into their cars.")
    teasers = "\n".join(("Man arrested after late night chase through the city centre",
                         "School board votes to extend summer holidays by one week",
                         "Local bakery wins national award for its sourdough bread",
                         "Storm warning issued for coastal towns this weekend"))
    text = (f"Train fares to rise by five per cent in March - The Herald\n\nNews\nSport\nBusiness\n"
            f"Opinion\nLifestyle\n\nTrending\n{teasers}\n\n"
            f"Train fares to rise by five per cent in March\n\n{paras[0]}\n\n{paras[1]}\n")
    a = parse_text(text)
    assert a.meta.title == "Train fares to rise by five per cent in March"
    assert article_text(a) == "\n\n".join(paras)


def test_a_key_points_item_under_the_headline_is_not_the_standfirst():
    text = (f"Tiny Frog Found In Remote Rainforest\n\nKey points:\n"
            f"- The frog is smaller than a fingernail\n- It was found in a remote forest\n\n"
            f"By Laura Chen\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n")
    a = parse_text(text)
    assert a.meta.title == "Tiny Frog Found In Remote Rainforest" and a.meta.subtitle is None
