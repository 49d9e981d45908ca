"""FAQ accordions opened as their reader opens them (:mod:`convert.extract.html.disclosures`,
rule ``disclosures``). Synthetic pages in the markup of the usual accordion components
(Bootstrap's ``aria-controls``/``data-bs-target`` toggles, ``hidden`` and ``aria-hidden``
panels)."""

from __future__ import annotations

import convert
from convert.extract.html import pipeline
from convert.textutil import article_text

_INTRO = ("<p>Find answers to the questions our librarians hear most often. If your question is "
          "not here, call us during opening hours or write to the front desk.</p>")
_ITEMS = [("How do I get a library card?", "Bring a photo ID and proof of address to any branch; "
           "cards are free for residents and take five minutes to issue."),
          ("How many books can I borrow?", "You can borrow up to twenty items at a time, "
           "including books, films and music, for three weeks each."),
          ("Can I renew my loans online?", "Yes: sign in to your account and choose Renew next "
           "to each item, unless another reader has reserved it.")]


def _faq(toggle: str = 'aria-controls="{id}"', panel: str = 'hidden') -> bytes:
    items = "".join(
        f'<div class="accordion-item"><h2 class="accordion-header"><button class="accordion-'
        f'button" {toggle.format(id=f"a{i}")}>{q}</button></h2><div id="a{i}" class="collapse" '
        f'{panel}><div class="accordion-body">{a}</div></div></div>'
        for i, (q, a) in enumerate(_ITEMS))
    return (f"<html><head><title>FAQ | City Library</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><main><h1>Frequently Asked Questions</h1>{_INTRO}<div class='accordion'>"
            f"{items}</div></main><footer>© 2025 City Library</footer></body></html>").encode()


def test_questions_and_hidden_answers_are_the_page():
    for page in (_faq(), _faq(panel='aria-hidden="true"'), _faq(panel='style="display:none"'),
                 _faq(toggle='data-bs-target="#{id}"')):
        text = article_text(convert.parse(page, kind="html"))
        for q, a in _ITEMS:
            assert q in text and a in text


def test_a_menus_hidden_drawer_stays_hidden():
    # A toggle that is neither in a heading nor a question (a navigation button) opens nothing.
    page = _faq().replace(b"</main>", b"<button aria-controls='drawer'>Menu</button><div "
                          b"id='drawer' hidden><p>Opening hours, branches, events and the "
                          b"catalogue, all in one drawer for the reader on the go.</p></div></main>")
    text = article_text(convert.parse(page, kind="html"))
    assert "all in one drawer" not in text and _ITEMS[0][1] in text


def test_disclosures_off_loses_the_answers(monkeypatch):
    monkeypatch.setattr(pipeline, "DISCLOSURES", False)
    text = article_text(convert.parse(_faq(), kind="html"))
    assert _ITEMS[0][1] not in text
