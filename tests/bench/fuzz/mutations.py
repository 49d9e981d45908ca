"""The mutations of a seed page: each a function ``(rng, data, kind) -> bytes`` in
:data:`MUTATIONS`, with the kinds of page ("html", "text") it applies to. Their order is part
of the plan: a case is replayed only with the same list.
"""

from __future__ import annotations

import html
import json
import random
import re

# Planted here, inside markup only; .checks reports it in any output.
MARK = "FZLIVE"  # inside markup only: never in an output


#: Elements whose content the parser reads as raw text, not markup.
_RAW_TEXT = re.compile(rb"<(script|style|textarea|title|xmp|noscript)\b[^>]*>.*?</\1\s*>",
                       re.S | re.I)


def _insert(rng: random.Random, data: bytes, piece: bytes, near_text: bool = True) -> bytes:
    """``piece`` inserted at a random place; in markup, right after a random ``>`` (between
    tags, where the parser reads it as content), else anywhere."""
    if near_text:
        head = data[:2_000_000]
        spots = [m.end() for m in re.finditer(rb"<p\b[^>]*>", head)] or \
            [m.end() for m in re.finditer(rb"</?(?:div|li|td|article|span|h[1-6])\b[^>]*>", head)]
        # not inside a script's or a style's text: a page's script often holds HTML in its
        # strings, and a piece with its own "</script>" put there ends the script, its
        # markup-only marker becoming text a browser shows (a false finding)
        raw = [(m.start(), m.end()) for m in _RAW_TEXT.finditer(head)]
        spots = [pos for pos in spots if not any(a < pos < b for a, b in raw)]
        if spots:
            pos = rng.choice(spots)
            return data[:pos] + piece + data[pos:]
    pos = rng.randrange(len(data) + 1)
    return data[:pos] + piece + data[pos:]


_FILLER = (" The sentence around it is long enough to read as part of the article, so the "
           "extraction keeps it rather than dropping it as page furniture.")


def _in_body(rng, data: bytes, piece: str, kind: str) -> bytes:
    """``piece`` in the page's text (after a paragraph's start in markup), with a sentence
    around it so that the extraction keeps it as article text."""
    piece = f"{piece}{_FILLER}" if rng.random() < 0.8 else piece
    if kind == "text":
        return _insert(rng, data, piece.encode("utf-8"), near_text=False)
    return _insert(rng, data, piece.encode("utf-8"))


def m_truncate(rng, data, kind):
    return data[:rng.randrange(1, max(2, len(data)))]


def m_byteflip(rng, data, kind):
    buf = bytearray(data)
    for _ in range(rng.choice((1, 4, 32, 256))):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def m_nul(rng, data, kind):
    buf = bytearray(data)
    for _ in range(rng.choice((1, 10, 200))):
        pos = rng.randrange(len(buf) + 1)
        buf[pos:pos] = b"\x00" * rng.choice((1, 1, 3))
    return bytes(buf)


_BAD_UTF8 = (b"\xff", b"\xfe", b"\xc0\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf0\x80\x80\xaf",
             b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf8\x88\x80\x80\x80", b"\xc3", b"\xe2\x82",
             b"\xf4\x90\x80\x80", b"\x80\x80\x80", b"\xef\xbf\xbe")


def m_bad_utf8(rng, data, kind):
    for _ in range(rng.choice((1, 5, 50))):
        data = _insert(rng, data, rng.choice(_BAD_UTF8), near_text=rng.random() < 0.5)
    return data


def m_utf16(rng, data, kind):
    text = data.decode("utf-8", "replace")
    return text.encode(rng.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32")))


def m_charset_lie(rng, data, kind):
    text = data.decode("utf-8", "replace")
    actual = rng.choice(("utf-8", "cp1251", "shift_jis", "latin-1", "utf-16-le", "gb18030"))
    declared = rng.choice(("utf-16", "utf-7", "x-user-defined", "iso-2022-jp", "shift_jis",
                           "utf-32", "replacement", "windows-1252", "bogus\x00name", "utf-8"))
    meta = f"<meta charset='{declared}'><meta http-equiv='Content-Type' " \
           f"content='text/html; charset={declared}'>"
    if kind == "html":
        text = re.sub(r"<meta[^>]*charset[^>]*>", "", text, flags=re.I)
        text = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + meta, text, count=1, flags=re.I) \
            if re.search(r"<head", text, re.I) else meta + text
    else:
        text = f"<?xml version='1.0' encoding='{declared}'?>\n" + text \
            if rng.random() < 0.3 else text
    text += " Zürich café Москва 東京 ☃"
    return text.encode(actual, "replace")


def m_giant_attr(rng, data, kind):
    size = rng.choice((100_000, 1_000_000, 3_000_000))
    attr = rng.choice((f"class='{'x ' * (size // 2)}'", f"title='{'a' * size}'",
                       f"style='{'color:red;' * (size // 10)}'",
                       f"data-x=\"{'&quot;' * (size // 6)}\"",
                       f"href='https://example.com/{'a' * size}'"))
    tag = rng.choice(("p", "div", "a", "img", "span"))
    return _in_body(rng, data, f"<{tag} {attr}>Giant attribute text here.</{tag}>", kind)


def m_entities(rng, data, kind):
    ent = rng.choice(("&amp;", "&#x41;", "&nbsp;", "&notanentity;", "&#;", "&#x110000;",
                      "&#0;", "&#xD800;", "&lt;", "&amp", "&#128512;"))
    return _in_body(rng, data, "<p>" + ent * 100_000 + "</p>", kind)


def m_deep_inline(rng, data, kind):
    depth = rng.choice((1_000, 10_000, 50_000))
    tags = rng.sample(["b", "i", "em", "strong", "span", "a", "sup", "code", "u", "small"], 3)
    opening = "".join(f"<{tags[i % 3]}>" for i in range(depth))
    close = "" if rng.random() < 0.5 else "".join(f"</{tags[i % 3]}>" for i in
                                                 reversed(range(depth)))
    return _in_body(rng, data, f"<p>{opening}Deep inline text is here.{close}</p>", kind)


def m_span_bomb(rng, data, kind):
    n = rng.choice(("1000000", "99999999999", "-1", "1e6", "0x7fffffff", "1000000.5"))
    rows = "".join(f"<tr><td colspan='{n}' rowspan='{n}'>cell {i}</td><td>x</td></tr>"
                   for i in range(rng.choice((1, 20, 200))))
    return _in_body(rng, data, f"<table>{rows}</table>", kind)


# Script URLs, plain and disguised (the marker stays out of them: a disguise no browser reads
# as a scheme, "%6Aavascript:", is a relative URL that may be kept; what must not happen is a
# live script scheme in an output, which the URL checks look for).
_SCHEMES = ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x09;ascript:alert(1)",
            "java\x00script:alert(1)", "&#106;avascript:alert(1)", " \tjavascript:alert(1)",
            "javascript&colon;alert(1)", "vbscript:alert(1)", "data:text/html,<script>alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=", "data:image/svg+xml,<svg onload=alert(1)>",
            "\u200bjavascript:alert(1)", "java&#x0A;script:alert(1)", "&#x6a;avascript:alert(1)",
            "java&Tab;script:alert(1)", "javascript&#58;alert(1)", "\x01javascript:alert(1)",
            "%6Aavascript:alert(1)")


def m_base_js(rng, data, kind):
    base = f"<base href='{rng.choice(_SCHEMES)}//'>"
    if kind == "html" and re.search(rb"<head", data, re.I):
        data = re.sub(rb"(<head[^>]*>)", lambda m: m.group(1) + base.encode(), data, count=1,
                      flags=re.I)
    else:
        data = base.encode() + data
    return _in_body(rng, data, "<p>Relative <a href='page/x'>link one</a> and <img src='i.png' "
                               "alt='pic'> and <a href='//host/x'>two</a> and <a href='?q'>q</a>"
                               ".</p>", kind)


def m_svg_math(rng, data, kind):
    s = rng.choice(_SCHEMES)
    piece = rng.choice((
        f"<svg><script>{MARK}()</script><a xlink:href='{s}'><text>svg link</text></a></svg>",
        f"<svg><foreignObject><iframe src='{s}'>{MARK}</iframe><p>Foreign text.</p>"
        f"</foreignObject></svg>",
        f"<svg onload='{MARK}()'><animate attributeName='href' to='{s}'/><set "
        f"attributeName='href' to='{s}'/><use href='{s}'/></svg>",
        f"<math><mtext><script>{MARK}()</script></mtext><mi xlink:href='{s}'>x</mi></math>",
        f"<math href='{s}'><mtext>Math text</mtext></math>",
        f"<svg><style>{MARK}</style><title>{MARK}</title><desc>svg desc</desc></svg>",
        f"<math><mtext><table><mglyph><style><img src=x onerror={MARK}()>",
        f"<svg></p><style><a id='</style><img src=1 onerror={MARK}()>'>",
        f"<noscript><p title='</noscript><img src=x onerror={MARK}()>'></noscript>",
    ))
    return _in_body(rng, data, f"<p>Before the figure.</p>{piece}<p>After the figure.</p>", kind)


def m_attr_schemes(rng, data, kind):
    s = rng.choice(_SCHEMES)
    piece = rng.choice((
        f"<img srcset='{s} 1x, {s} 2x' src='{s}' alt='img alt'>",
        f"<picture><source srcset='{s}'><img src='/ok.png' srcset='{s} 100w' alt='p'></picture>",
        f"<video poster='{s}' src='{s}'><source src='{s}'>video text</video>",
        f"<form><button formaction='{s}'>Go</button><input type='image' src='{s}' "
        f"formaction='{s}'></form>",
        f"<p>Text with <a href='{s}'>an evil link</a> and <a href='{s}' title='{s}'>"
        f"<img src='{s}' alt='a'></a>.</p>",
        f"<p><a href='https://ok.example/' onclick='{MARK}()' onmouseover='{MARK}'>ok</a> "
        f"<span onerror='{MARK}'>x</span></p>",
        f"<iframe srcdoc='<script>{MARK}()</script>' src='{s}'>{MARK}</iframe>",
        f"<object data='{s}'>{MARK}</object><embed src='{s}'>",
        f"<meta http-equiv='refresh' content='0;url={s}'>",
        f"<blockquote cite='{s}'><p>Quoted text with a cite.</p></blockquote>",
        f"<map><area href='{s}' alt='area'></map><img usemap='#m' src='/m.png' alt='m'>",
        f"<a href='{s}'><h2>Heading inside a link</h2></a>",
        f"<figure><a href='{s}'><img src='/f.png' alt='f'></a><figcaption><a href='{s}'>"
        f"cap</a></figcaption></figure>",
        f"<link rel='canonical' href='{s}'><meta property='og:image' content='{s}'>"
        f"<meta property='og:url' content='{s}'>",
        f"<template><script>{MARK}()</script><p>{MARK}</p></template>",
    ))
    return _in_body(rng, data, piece, kind)


_MD_TEXT = (
    "Use ``` fences ``` and `` ` `` and ````x```` here",
    "[click](javascript:alert(1)) and ![img](javascript:alert(2)) as text",
    "[x]: javascript:alert(3)\n\n[x]",
    "<script>alert('tag as text')</script> and <img src=x onerror=alert(1)>",
    "<!-- comment as text --> and <![CDATA[ x ]]> and <?php echo 1 ?>",
    "# not a heading\n> not a quote\n1. not a list\n- not a list\n---\n| a | b |",
    "*star* _under_ **bold** ~~strike~~ \\ backslash \\\\",
    "<http://autolink.example> and <javascript:alert(4)> and <mailto:x@y>",
    "a line ending with two spaces  \nand a hard break",
    "<div>block as text</div>\n\n<iframe src=x></iframe>",
    "&amp;lt;script&amp;gt; double-escaped",
    "[a](<javascript:alert(5)>) and [b](java\\script:x) and [c]( javascript:x )",
    "$$math$$ and {{template}} and {% raw %}",
)


def m_md_text(rng, data, kind):
    text = rng.choice(_MD_TEXT)
    if kind == "text":
        return _in_body(rng, data, "\n\n" + text + " in a long enough sentence of a paragraph."
                        "\n\n", kind)
    where = rng.choice(("p", "title", "alt", "code", "h2", "li", "link"))
    esc = html.escape(text)
    piece = {"p": f"<p>{esc} in a long enough sentence of a paragraph.</p>",
             "title": f"<p title='{esc}'>Para with a title attribute.</p>",
             "alt": f"<p>Image: <img src='/x.png' alt='{esc}' title='{esc}'></p>",
             "code": f"<pre><code>{esc}</code></pre><p><code>{esc}</code></p>",
             "h2": f"<h2>{esc}</h2>",
             "li": f"<ul><li>{esc}</li></ul>",
             "link": f"<p><a href='https://ok.example/{esc}' title='{esc}'>{esc}</a></p>"}[where]
    if where == "title" and re.search(rb"<title>", data):
        data = data.replace(b"<title>", b"<title>" + esc.encode(), 1)
    return _in_body(rng, data, piece, kind)


_INVISIBLE = ("\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200c",
              "\u200d", "\u2060", "\ufeff", "\u061c", "\u200e", "\u200f", "\u00ad", "\u2028",
              "\u2029", "\u0085", "\x1b[2J", "\x1b]52;c;aGk=\x07")


def m_bidi(rng, data, kind):
    text = data.decode("utf-8", "replace")
    out = []
    for piece in re.split(r"(\s+)", text):
        if rng.random() < 0.1:
            piece = piece + "".join(rng.choice(_INVISIBLE) for _ in range(rng.randint(1, 3)))
        out.append(piece)
    text = "".join(out)
    extra = rng.choice(_INVISIBLE)
    link = f"<a href='{extra}https://ok.example/{extra}x'>{extra}link</a>"
    return _in_body(rng, text.encode("utf-8"), f"<p>{extra}Bidi {link} text.{extra}</p>", kind)


def m_surrogates(rng, data, kind):
    lone = rng.choice((b"\xed\xa0\x80", b"\xed\xb0\x80", b"\xed\xa0\xbd\xed\xb8\x80"))
    for _ in range(rng.choice((1, 10, 100))):
        data = _insert(rng, data, lone, near_text=False)
    return data


def m_newlines(rng, data, kind):
    nl = rng.choice((b"\r\n", b"\r", b"\n\r", b"\x0b", b"\x0c", b"\xc2\x85", b"\xe2\x80\xa8"))
    return data.replace(b"\r\n", b"\n").replace(b"\n", nl)


def m_one_line(rng, data, kind):
    flat = re.sub(rb"\s+", b" ", data)
    if not flat.strip():
        flat = b"word "
    reps = 5_000_000 // max(1, len(flat)) + 1
    return (flat * reps)[:5_000_000]


def m_json_ld(rng, data, kind):
    """A JSON-LD declaration that is hostile: nested past the recursion limit, huge, or with
    script URLs and markup in the fields that become the article's metadata."""
    s = rng.choice(_SCHEMES).replace("'", "")
    deep = rng.choice((1_000, 5_000, 100_000))
    ld = rng.choice((
        "[" * deep + "]" * deep,
        '{"@type":"NewsArticle","author":' + '{"name":' * deep + '"A"' + "}" * deep + "}",
        json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                    "headline": f"<script>{MARK}()</script>Headline [x]({s})",
                    "url": s, "mainEntityOfPage": s, "image": [s, {"url": s}],
                    "thumbnailUrl": s, "author": [{"@type": "Person", "name": f"<b>Ann</b> "
                                                  f"<img src=x onerror={MARK}>", "url": s}],
                    "publisher": {"name": f"<i>Pub</i>", "logo": {"url": s}},
                    "datePublished": "9999-99-99T99:99:99+99:99", "inLanguage": "x" * 5000,
                    "description": f"<iframe src='{s}'></iframe>", "keywords": [s] * 100}),
        json.dumps({"@type": "NewsArticle", "articleBody": "word " * 500_000,
                    "author": [{"name": f"Author {i}"} for i in range(20_000)]}),
    ))
    piece = f"<script type='application/ld+json'>{ld}</script>"
    if re.search(rb"</head>", data, re.I):
        return re.sub(rb"</head>", lambda m: piece.encode() + m.group(0), data, count=1,
                      flags=re.I)
    return piece.encode() + data


def m_combo(rng, data, kind):
    """Two or three of the cheap mutations, one after another."""
    names = [n for n in _CHEAP if kind in MUTATIONS[n][1]]
    for name in rng.sample(names, rng.choice((2, 3))):
        data = MUTATIONS[name][0](rng, data, kind)
    return data


MUTATIONS = {
    "truncate": (m_truncate, ("html", "text")),
    "byteflip": (m_byteflip, ("html", "text")),
    "nul": (m_nul, ("html", "text")),
    "bad-utf8": (m_bad_utf8, ("html", "text")),
    "utf16": (m_utf16, ("html", "text")),
    "charset-lie": (m_charset_lie, ("html", "text")),
    "giant-attr": (m_giant_attr, ("html",)),
    "entities": (m_entities, ("html",)),
    "deep-inline": (m_deep_inline, ("html",)),
    "span-bomb": (m_span_bomb, ("html",)),
    "base-js": (m_base_js, ("html",)),
    "svg-math": (m_svg_math, ("html",)),
    "attr-schemes": (m_attr_schemes, ("html",)),
    "md-text": (m_md_text, ("html", "text")),
    "bidi": (m_bidi, ("html", "text")),
    "surrogates": (m_surrogates, ("text", "html")),
    "newlines": (m_newlines, ("text",)),
    "one-line": (m_one_line, ("text",)),
    "json-ld": (m_json_ld, ("html",)),
    "combo": (m_combo, ("html", "text")),
}
_CHEAP = ("truncate", "byteflip", "nul", "bad-utf8", "utf16", "charset-lie", "span-bomb",
          "base-js", "svg-math", "attr-schemes", "md-text", "bidi", "surrogates", "newlines")
