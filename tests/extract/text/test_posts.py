"""Forum threads with numbered posts (:mod:`convert.extract.text.posts`). The fixture is
synthetic, laid out as a XenForo thread's innerText prints it (wcxb-dev-extra tune page 4311,
forums.tomshardware.com): the forum's tagline and the thread's header above the first post,
each post's header (poster, rank, join date, counters, the post's date) above its number."""

from __future__ import annotations

from convert.extract.text import parse_text
from convert.extract.text import lines, posts, structure
from convert.extract.text.lines import measure, segment
from convert.extract.text.stopwords import stopwords_for
from convert.textutil import article_text

from .test_pipeline import PARA, PARA2, PARA3

TAGLINE = ("The Garden Club is a forum for people who grow vegetables at home. Here you can "
           "discuss seeds, soil, pests and the weather with thousands of other gardeners.")
REPLY = "No specific problems here, moving the thread to the general board."
REPLY2 = ("I do not see a link to the chart in your post, only a picture of it, and the picture "
          "has a few errors in it.")
LAST = "Where are the latest varieties? The ones from this spring are missing."


def _header(name: str, rank: str, n: int) -> str:
    return f"\n{name}\n\n{rank}\n\nOct 11, 2014\n41,210\n5,089\nJun 14, 2025\n#{n}\n"


def _thread() -> str:
    return (f"Forums\nNew posts\nLog in\n\n{TAGLINE}\n\nGet involved!\n\n"
            "Tomato varieties for a small garden\n\nThread starter Sam\nStart date Jun 14, 2025\n"
            "You are using an out of date browser. It may not display this or other websites correctly.\n"
            + _header("Sam", "Member", 1) + f"Hey everyone!\n{PARA}\n{PARA2}\n{PARA3}\nHappy growing!\n"
            + _header("Ralston", "Moderator", 2) + f"{REPLY}\nReactions: Sam\n"
            + _header("Aeacus", "Titan", 3) + f"{REPLY2}\nReactions: Sam\n"
            + _header("Sam", "Member", 4) + f"\nRalston said:\n{REPLY}\nClick to expand...\n\nthank you\n"
            + _header("Aeacus", "Titan", 5) + f"{LAST}\n"
            "You must log in or register to reply here.\nShare:\nFacebook X Reddit Email\n")


def test_every_post_of_a_numbered_thread_is_kept(monkeypatch):
    text = article_text(parse_text(_thread()))
    assert PARA in text and REPLY2 in text and LAST in text
    assert TAGLINE not in text and "Thread starter" not in text
    assert "Moderator" not in text and "Titan" not in text
    assert "You must log in" not in text
    # (without the rule the replies, short and far from the first post, are lost)
    monkeypatch.setattr(posts, "NUMBERED_POSTS", False)
    text = article_text(parse_text(_thread()))
    assert PARA in text and REPLY2 not in text


def test_ranks_numbered_without_dates_are_no_thread():
    # A shop's best-seller list numbers its records "#1", "#2", ... with no date above them.
    dump = f"{PARA}\n\n{PARA2}\n\n" + "".join(
        f"#{n}\nA Court of Thorns and Roses {n}\nSarah J. Maas\nHardcover\n$22.40\n" for n in range(1, 8))
    units = segment(dump, stopwords_for("en"))
    measure(units, stopwords_for("en"), frozenset())
    assert posts.post_numbers(units) == []


def test_a_listicles_numbered_sections_are_no_thread():
    # "#1 Rainbow", "#2 Memory": a section's number joined to its heading.
    dump = "".join(f"#{n} Toy number {n}\n\nMay 3, 2023\n\n{PARA}\n\n" for n in range(1, 6))
    units = segment(dump, stopwords_for("en"))
    measure(units, stopwords_for("en"), frozenset())
    assert posts.post_numbers(units) == []


#: Synthetic, in the style of a XenForo thread printed by select-all and copy: the forum's
#: menu, the thread's title over "Thread starter" and "Start date", each post's header with its
#: counters ("Reaction score" printed with every post, so repeated near the body), and each post
#: number printed right above the post's first sentence.
def _xenforo() -> str:
    head = "\n".join(["Forums", "New posts", "What's new", "Log in", "Register", "Forums",
                      "Hardware", "Storage", "Samsung 980 Pro not detected after BIOS update",
                      "Thread starter kestrel_88", "Start date Mar 3, 2024", ""])

    def post(name: str, n: int, body: str) -> str:
        return (f"{name[0]}\n{name}\nMember\nJoined\nJan 12, 2021\nMessages\n214\nReaction score\n"
                f"38\nMar 3, 2024\n#{n}\n{body}\nReply\n")
    return (head + post("kestrel_88", 1, f"{PARA}\n{PARA2}") + post("TechNomad", 2, "Some boards "
            "disable the second M.2 slot when certain SATA ports are in use, so check the manual.")
            + post("kestrel_88", 3, "Some of you asked: it was the RAID mode, changed it back to AHCI.")
            + post("TechNomad", 4, LAST)
            + "You must log in or register to reply here.\nShare:\nFacebook\nReddit\n")


def test_a_threads_title_is_the_line_over_its_header(monkeypatch):
    art = parse_text(_xenforo())
    assert art.meta.title == "Samsung 980 Pro not detected after BIOS update"
    monkeypatch.setattr(structure, "THREAD_TITLE", False)
    assert parse_text(_xenforo()).meta.title != "Samsung 980 Pro not detected after BIOS update"


def test_a_post_number_stays_apart_from_the_posts_first_sentence(monkeypatch):
    text = article_text(parse_text(_xenforo()))
    assert "Some boards disable" in text and "#2" not in text and "#3" not in text
    assert LAST in text and "Reaction score" not in text
    monkeypatch.setattr(lines, "POST_NUMBER_ALONE", False)
    # (the handles, not read as words of a broken sentence, would leave the dump unbroken)
    monkeypatch.setattr(lines, "HANDLES_AND_COMMANDS_APART", False)
    assert "#2 Some boards" in article_text(parse_text(_xenforo()))
