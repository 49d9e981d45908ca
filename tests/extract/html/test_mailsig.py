"""Mail archives' furniture (:mod:`convert.extract.html.mailsig`): a message's "-- " signature
and the archive's navigation lines leave the body (rules mail_signatures, mail_nav_lines).
Synthetic messages, in the style of Pipermail and HyperKitty archive pages."""

from __future__ import annotations

import convert
from convert.article import CodeBlock, LineBreak, Paragraph, Text
from convert.extract.html import mailsig
from convert.textutil import block_texts

_BODY = ("That grey liquid is hooch, alcohol made by hungry yeast. Pour it off, discard half, "
         "and feed it twice a day at room temperature for three days before judging it.")


def _para(*lines: str) -> Paragraph:
    children: list = []
    for i, line in enumerate(lines):
        if i:
            children.append(LineBreak())
        children.append(Text(line))
    return Paragraph(tuple(children))


def test_a_paragraphs_signature_after_the_separator_goes():
    out = mailsig.without_signatures([_para(_BODY, "--", "Pete Baker, Gdansk")])
    assert list(block_texts(out)) == [_BODY]
    # a paragraph that is only the signature goes whole
    assert mailsig.without_signatures([_para("-- ", "Pete Baker", "pete at example.org")]) == []
    # too much after the dashes: they open something else
    long = _para(_BODY, "--", *[f"line {i} of a list that goes on" for i in range(8)])
    assert mailsig.without_signatures([long]) == [long]


def test_a_preformatted_messages_signature_goes_but_not_code():
    text = f"{_BODY}\n\nPete\n-- \nBaking since 1998, Gdansk.\n"
    out = mailsig.without_signatures([CodeBlock(text)])
    assert out == [CodeBlock(f"{_BODY}\n\nPete")]
    sql = "SELECT 1;\n-- \nSELECT 2;"
    assert mailsig.without_signatures([CodeBlock(sql, "sql")]) == [CodeBlock(sql, "sql")]
    # code the page did not label: an SQL script's empty comment line, a config's last lines
    for code in ("SELECT id\nFROM t;\n--\nDELETE FROM t", "a = 1\nb = 2\n--\nc = 3"):
        assert mailsig.without_signatures([CodeBlock(code)]) == [CodeBlock(code)]


def test_rules_off(monkeypatch):
    monkeypatch.setattr(mailsig, "MAIL_SIGNATURES", False)
    monkeypatch.setattr(mailsig, "MAIL_NAV_LINES", False)
    block = _para(_BODY, "--", "Pete Baker")
    assert mailsig.without_signatures([block]) == [block]


def _archive_page() -> str:
    # synthetic, in the style of a Pipermail message page
    nav = ("<UL><LI>Previous message (by thread): <A HREF='001233.html'>[Bakers] Starter "
           "stopped rising</A></li><LI>Next message (by thread): <A HREF='001235.html'>"
           "[Bakers] Starter stopped rising</A></li><LI> <B>Messages sorted by:</B> "
           "<a href='date.html'>[ date ]</a> <a href='thread.html'>[ thread ]</a> "
           "<a href='subject.html'>[ subject ]</a> <a href='author.html'>[ author ]</a></LI>"
           "</UL>")
    body = (f"On Sun, Mar 3, 2024 Marguerite wrote:\n&gt; Is it dead?\n\n{_BODY}\n\n"
            f"{_BODY.replace('hooch', 'the hooch')}\n\nPete\n-- \nBaking since 1998, Gdansk.\n")
    return ("<HTML><HEAD><TITLE>[Bakers] Starter stopped rising</TITLE></HEAD><BODY>"
            "<H1>[Bakers] Starter stopped rising</H1><B>Pete Baker</B> "
            "<A HREF='mailto:bakers@example.org'>pete at example.org</A><BR>"
            f"<I>Sun Mar  3 10:40:12 UTC 2024</I><P>{nav}<HR><!--beginarticle-->\n<PRE>{body}"
            f"</PRE>\n<!--endarticle-->\n<HR><P>{nav}<hr><a href='https://lists.example.org/"
            "mailman/listinfo/bakers'>More information about the Bakers mailing list</a><br>"
            "</body></html>")


def test_an_archived_message_keeps_its_text_only():
    md = convert.render(convert.parse(_archive_page().encode(), kind="html"), "md").decode()
    assert "feed it twice a day" in md and "Pete" in md
    for junk in ("Baking since 1998", "Previous message", "Next message", "Messages sorted by",
                 "More information about"):
        assert junk not in md, junk
