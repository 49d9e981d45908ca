"""A Q&A site's user card lines (:mod:`convert.extract.html.qacards`, rule qa_card_lines):
the time stamps, counters and avatars around each post leave the body, prose that opens so
stays. Synthetic page in the style of a Stack Exchange question."""

from __future__ import annotations

import convert
from convert.article import Figure, Image, Paragraph, Text
from convert.extract.html import qacards
from convert.textutil import block_texts


def _p(text: str) -> Paragraph:
    return Paragraph((Text(text),))


def test_card_lines_go_prose_stays(monkeypatch):
    lines = ["asked Mar 4, 2015 at 9:12", "answered Feb 12, 2011 at 1:01", "Viewed 2k times",
             "Asked 12 years, 1 month ago", "edited Jun 20, 2014 at 13:14",
             "30.5k18 gold badges 90 silver badges 174 bronze badges"]
    prose = ["I asked Mar 4 about it and nobody answered.", "Updated July 9, 2025",
             "Pour off the hooch and feed it twice a day."]
    avatar = Figure(Image(src="https://example.com/a.png", alt="ann's user avatar"))
    blocks = [_p(x) for x in lines + prose] + [avatar]
    assert list(block_texts(qacards.without_card_lines(blocks))) == prose
    monkeypatch.setattr(qacards, "QA_CARD_LINES", False)
    assert qacards.without_card_lines(blocks) is blocks


def test_a_question_page_keeps_its_posts_without_the_cards():
    def post(kind: str, text: str, when: str, name: str) -> str:
        return (f"<div class='{kind}'><div class='s-prose'><p>{text}</p></div><div "
                f"class='post-signature'><div class='user-action-time'>{kind}ed {when}</div>"
                f"<div class='user-gravatar32'><img src='a.png' alt='{name}&#39;s user "
                f"avatar'></div><div class='user-details'><a href='/users/1/{name}'>{name}</a>"
                f"<div>12.3k3 gold badges 21 silver badges</div></div></div></div>")
    question = ("My sourdough starter stopped rising after a week in the fridge. It smells "
                "sharp and a grey liquid sits on top; can it be revived with feedings?")
    answer = ("That grey liquid is hooch, alcohol made by hungry yeast. Pour it off, discard "
              "half, and feed it twice a day at room temperature for three days.")
    html = ("<html><head><title>Starter stopped rising</title></head><body><main><h1>Starter "
            "stopped rising</h1><div><span>Asked</span> <time>9 years, 9 months ago</time>"
            f"</div>{post('ask', question, 'Mar 4, 2015 at 9:12', 'ann')}"
            f"{post('answer', answer, 'Mar 5, 2015 at 10:40', 'bob')}</main></body></html>")
    md = convert.render(convert.parse(html.encode(), kind="html"), "md").decode()
    assert "grey liquid" in md and "hooch" in md
    for junk in ("Mar 4, 2015 at 9:12", "gold badges", "user avatar"):
        assert junk not in md, junk
