"""A story's summary box (:mod:`convert.extract.text.keypoints`). The fixtures are synthetic,
in the style of a live blog's page copied with select-all (a news site's "Key points" box under
the headline, each point on its line; another site's "Key events" with bullets and a button
below them)."""

from __future__ import annotations

from convert.article import List
from convert.extract.text import keypoints, parse_text
from convert.textutil import article_text

ENTRY = ("Video footage shared on social media shows part of the roof of a large arena being torn "
         "off by the wind in south-east London. The fire brigade said nobody was hurt.")
ENTRY2 = ("Network Rail has said there will be no trains at all on several lines this afternoon, "
          "and passengers who must travel have been told to expect severe delays.")
ENTRY3 = ("Hundreds of schools have closed early or not opened at all, as councils told parents to "
          "keep children at home. Some universities have moved lectures online.")
POINTS = ["Red weather warning for wind covers London and the south-east until 21:00",
          "Gusts of up to 100mph recorded at the Needles on the Isle of Wight",
          "Trains cancelled across much of southern England",
          "Three people have died after being hit by falling trees"]


def _live(label: str = "Key points", bullet: str = "", tail: str = "") -> str:
    points = "".join(f"{bullet}{p}\n" for p in POINTS)
    return ("Skip to main content\nWorld\nUK\nBusiness\nSign in\nLive\n"
            "Storm Eunice: Millions told to stay at home as red warning issued\n"
            f"Updated 14:32 GMT\n{label}\n{points}{tail}Summary\nEmma Harrison\nLive reporter\n"
            f"14:32\nRoof torn off as winds peak in the capital\n{ENTRY}\nShare\n14:20\n"
            f"Rail operators urge people not to travel\n{ENTRY2}\nShare\n13:50\n"
            f"Schools closed in several counties\n{ENTRY3}\nShare\nTop stories\n"
            "Inflation hits highest level for 30 years\nCopyright 2022 News Ltd.\n")


def test_the_points_under_a_summary_label_are_kept_as_a_list(monkeypatch):
    art = parse_text(_live())
    lists = [b for b in art.blocks if isinstance(b, List)]
    assert lists and len(lists[0].items) == 4
    assert all(p in article_text(art) for p in POINTS) and ENTRY3 in article_text(art)
    assert art.meta.title == "Storm Eunice: Millions told to stay at home as red warning issued"
    monkeypatch.setattr(keypoints, "KEY_POINTS", False)
    assert POINTS[0] not in article_text(parse_text(_live()))


def test_bulleted_points_end_at_the_boxs_button():
    art = parse_text(_live("Key events", "• ", "Show key events only\n"))
    text = article_text(art)
    assert POINTS[3] in text and "• " not in text and "Show key events only" not in text


def test_no_label_no_points():
    assert POINTS[0] not in article_text(parse_text(_live("Latest news")))
