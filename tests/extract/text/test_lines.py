"""Segmentation helpers of :mod:`convert.extract.text.lines`: a line printed twice over
(``text-undouble``)."""

from __future__ import annotations

from convert.extract.text import lines, parse_text
from convert.textutil import article_text

from .test_pipeline import PARA, PARA2, PARA3


def test_a_phrase_printed_twice_is_read_once():
    # (the lines as wcxb-dev-extra tune dumps print them: a shop's footer, 2953; a hosting
    # firm's call to action, 2837; a ticket shop's logo, 2913; an eBay price, 3017)
    assert lines.doubled_half("Who we are Who we are") == "Who we are"
    assert lines.doubled_half("Talk to an ExpertTalk to an Expert") == "Talk to an Expert"
    assert lines.doubled_half("EventbriteEventbrite") == "Eventbrite"
    assert lines.doubled_half("EUR 20.99EUR 20.99") == "EUR 20.99"


def test_a_name_doubled_for_real_stays():
    # (a band and an architects' firm a wcxb-dev-extra tune gold keeps as printed, 0203; a
    # short word that is its half twice over)
    assert lines.doubled_half("Talk Talk") is None
    assert lines.doubled_half("Leong Leong") is None
    assert lines.doubled_half("couscous") is None
    assert lines.doubled_half("The cat sat. The dog ran.") is None


MENU = "Home\nPricing\nContact Sales\nLog in\n"
FOOTER = "Company\nCareers\nPress\n"


def test_a_doubled_menu_item_in_the_body_repeats_the_menu(monkeypatch):
    # The call to action between the paragraphs is the menu's "Contact Sales" read out with
    # its label: judged as one copy it is a line printed twice, furniture.
    dump = (f"{MENU}\nThe town will build a new library\n\n{PARA}\n\n{PARA2}\n\n"
            f"Contact SalesContact Sales\n\n{PARA3}\n\n{FOOTER}")
    text = article_text(parse_text(dump))
    assert PARA2 in text and PARA3 in text and "Contact Sales" not in text
    monkeypatch.setattr(lines, "UNDOUBLE", False)
    off = article_text(parse_text(dump))
    assert "Contact SalesContact Sales" in off


#: A docs page as a browser copies it: whole sentences one to a line, a command and a JSON
#: file between them, a table's rows with tabs; the code's lines start in lower case.
DOCS_PAGE = """Configuration
The configuration file tells the server where to find your content and how to cache it.
Run the init command in your project's folder to create a configuration with the defaults:
npm run fastserve-init
The command writes a file like this one:
{
  "root": "./public",
  "port": 8080
}
Option\tType\tDefault
root\tstring\t./public
port\tnumber\t8080
Changes to the configuration take effect only after the server restarts.
Every option can be overridden by an environment variable named after it.
Variables are read once, when the server starts, and never again while it runs.
"""


def test_code_and_table_rows_do_not_make_a_dump_fragmented():
    from convert.extract.text.lines import (FRAGMENTED_SHARE, fragmentation, normalize,
                                            physical_lines)
    assert fragmentation(physical_lines(normalize(DOCS_PAGE))) <= FRAGMENTED_SHARE


def test_without_the_rule_code_makes_the_dump_fragmented(monkeypatch):
    from convert.extract.text import lines
    monkeypatch.setattr(lines, "FRAGMENTS_SKIP_CODE", False)
    phys = lines.physical_lines(lines.normalize(DOCS_PAGE))
    assert lines.fragmentation(phys) > lines.FRAGMENTED_SHARE


#: Synthetic, in the style of a developer blog's post (a WordPress code block copied with the
#: page): an API's JSON response between two paragraphs, one member a line.
API_POST = f"""{PARA}
A typical response from the orders endpoint looks like this:
{{
"data": [
{{"id": 1041, "status": "shipped"}},
{{"id": 1042, "status": "pending"}}
],
"meta": {{
"next_cursor": "b3JkZXI6MTA0Mg==",
"has_more": true
}}
}}
{PARA2}
The client reads its settings from a small file:
base_url = "https://api.example.com/v2"
page_size = 100
retry_limit = 5
{PARA3}
"""


def test_json_and_config_lines_stay_apart(monkeypatch):
    from convert.article import CodeBlock
    blocks = parse_text(API_POST).blocks
    code = [b.text for b in blocks if isinstance(b, CodeBlock)]
    assert any('"next_cursor": "b3JkZXI6MTA0Mg==",' in c.splitlines() for c in code)
    assert any("],\n" in c for c in code)  # (a bracket alone on its line is kept)
    assert any(c.splitlines() == ['base_url = "https://api.example.com/v2"', "page_size = 100",
                                  "retry_limit = 5"] for c in code)
    # (without the rule a line ending in a comma or a brace is a sentence broken at a link)
    monkeypatch.setattr(lines, "DATA_LINES_APART", False)
    blocks = parse_text(API_POST).blocks
    assert not any('"next_cursor": "b3JkZXI6MTA0Mg==",' in getattr(b, "text", "").splitlines()
                   for b in blocks)


def test_prose_lines_ending_in_a_comma_still_join():
    units = lines.segment("The council, which met on Tuesday,\nagreed to build it.\n",
                          frozenset({"the", "to", "on"}))
    assert len(units) == 1


#: Synthetic, in the style of a docs page (a command under its lead-in) and of a forum thread
#: (a poster's handle and the post's date over each post).
DOCS_AND_THREAD = ("Install the package with pip:\npip install fastqueue\n"
                   "Then start a worker from the command line.\n1 Reply\ntomasz_b\nJun 2024\n"
                   "Is there a backup job running at 3am? A full backup can load the machine.\n")


def test_handles_commands_and_dates_start_their_own_lines(monkeypatch):
    stop = frozenset({"is", "there", "a", "the", "with", "from"})
    texts = [u.text for u in lines.segment(DOCS_AND_THREAD, stop)]
    assert "pip install fastqueue" in texts and "tomasz_b" in texts
    assert texts[-1].startswith("Is there a backup job")
    monkeypatch.setattr(lines, "HANDLES_AND_COMMANDS_APART", False)
    monkeypatch.setattr(lines, "DATE_ENDS_LINE", False)
    texts = [u.text for u in lines.segment(DOCS_AND_THREAD, stop)]
    assert "pip install fastqueue" not in texts and "tomasz_b" not in texts


def test_a_line_ending_in_a_year_is_not_continued_by_a_capital(monkeypatch):
    text = "Posted by a member of the staff\nJun 2024\nIs there a way to fix the tracks before May?\n"
    text = text * 3 + "the closing words of a sentence broken\nat a link and continued here\n"
    stop = frozenset({"is", "there", "a", "the", "of", "to", "at", "and", "by"})
    assert "Jun 2024" in [u.text for u in lines.segment(text, stop)]
    monkeypatch.setattr(lines, "DATE_ENDS_LINE", False)
    assert "Jun 2024" not in [u.text for u in lines.segment(text, stop)]
