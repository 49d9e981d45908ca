"""assess.body_signals: the body's shape counted from its blocks (synthetic bodies)."""

from __future__ import annotations

import math

from convert.article import (Div, Emphasis, Heading, Link, List, ListItem, Paragraph, Quote,
                             Text)
from convert.extract.assess.body_signals import body_signals


def test_paragraphs_headings_and_links_are_counted_in_and_out_of_containers():
    blocks = [
        Heading(1, (Text("Title"),)),                                   # 5 chars
        Paragraph((Text("One text only."),)),                           # 14
        Paragraph((Text("Read "), Link((Text("this link"),), "/a"))),   # 5 + 9 linked
        Div((Paragraph((Emphasis((Text("nested"),)),)),               # 6
             Quote((Paragraph((Text("quoted"),)),), None))),            # 6
        List((ListItem((Paragraph((Text("item"),)),)),), False, 1),     # 4
    ]
    out = body_signals(blocks, 100)
    assert out["body:paragraph"] == math.log1p(5)
    assert out["body:heading"] == math.log1p(1)
    assert out["body:item"] == math.log1p(1)
    assert out["body:quote"] == math.log1p(1)
    assert out["body:blocks"] == math.log1p(5)
    total = 5 + 14 + 5 + 9 + 6 + 6 + 4
    assert out["body:chars"] == math.log1p(total)
    assert out["body:links"] == 9 / total
    assert out["body:share"] == total / 100
    assert out["body:para_len"] == math.log1p(total / 5)
