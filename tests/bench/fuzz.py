"""A deterministic mutation fuzzer for hostile inputs: ``python -m tests.bench.fuzz``.

``python -m tests.bench.fuzz [--seed N] [--cases N] [--corpus DIR] [-j N] [--out DIR]``

Seed pages are a few built-in pages (an HTML article, a page of links, images, a table and
code, and a text dump) and, with ``--corpus``, *tune* pages of the shared corpus (HTML pages
and their ``.txt`` dumps; check pages are never read). Each case is one seed page and one
mutation, both drawn from a random generator seeded by ``--seed`` and the case number, so
``--seed 7 --only 123`` replays case 123 of a run exactly (with the same version of this
file: the plan depends on the list of mutations). The mutations: truncation at a random
byte, random byte flips, NUL bytes, invalid and overlong UTF-8, UTF-16 with and without a
BOM, a declared charset that is not the actual one, giant attributes, 10^5 entities, deep
nesting of inline tags, table spans of 10^6, hostile JSON-LD (nested past the recursion
limit, huge, script URLs and markup in its fields), ``<base href="javascript:...">``,
``<svg>`` and ``<math>`` carrying scripts, ``srcset``/``poster``/``formaction``/``href``
with ``javascript:``, ``data:`` and obfuscated schemes (``jav&#x09;ascript:``,
``java\\0script:``), text that breaks Markdown (backticks, ``[x](javascript:..)`` as literal
text, tags and comments as text), bidi overrides and zero-width characters, lone surrogates
in text dumps, CRLF and CR-only dumps, a dump that is one 5 MB line, and two or three of the
cheap ones at once.

Each case runs ``convert.parse`` then ``convert.render`` to md, txt, json, docx and epub in a
worker process (cases go to the workers in chunks; a case over ``--timeout`` seconds, 20 by
default, is reported as a hang, its worker killed and the chunk resumed after it). Reported:

* ``exception``: anything but :class:`convert.errors.DecruftError` out of ``parse`` (or a
  ``DecruftError`` that wraps an unexpected exception of decruft's own reader: "plugin
  'readers' failed"), anything at all out of ``render`` (the article was accepted), a worker
  that died;
* ``hang``: a case over the timeout;
* ``leak``: in md, a raw HTML token (markdown-it's ``html_inline``/``html_block``: a tag that
  a Markdown viewer would render) or a link/image target with a live script scheme
  (``javascript:``, ``vbscript:``, ``data:`` other than a raster image); in json, such a URL in
  any field; in docx/epub, XML that does not parse, a ``<script>``-like element, an ``on*``
  attribute or such a URL; in every output, the marker ``FZLIVE`` that the mutations put only
  inside markup that must never be shown (script bodies, event handlers, iframe content).
  Tags *as text* (``&lt;script&gt;``) may show in txt, which has no markup.

Each finding is one line (case, seed page, mutation, kind, detail) and the input is saved in
``--out`` (default ``/tmp/decruft-fuzz``) as ``case-N.bin`` to replay with
``decruft convert``. Exit status 1 when anything was found. It stays frugal: one worker by
default, a worker's memory capped at ``--mem-mb`` (an over-cap allocation is reported as an
exception: a memory bomb).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import random
import re
import resource
import select
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

FORMATS = ("md", "txt", "json", "docx", "epub")
MARK = "FZLIVE"  # inside markup only: never in an output

# ---------------------------------------------------------------------------- seed pages

_PARA = ("<p>The council met on Tuesday to discuss the new budget for the river bridge, which "
         "includes money for the school, the museum and the public library, and agreed to "
         "publish its report before the end of the season.</p>")
BUILTIN = {
    "builtin-article": ("html", (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Budget report</title>"
        "<meta name='author' content='Ann Writer'></head><body><nav><a href='/'>Home</a> "
        "<a href='/news'>News</a></nav><article><h1>Budget report</h1><p class='byline'>By Ann "
        "Writer</p>" + _PARA * 3 + "<h2>Details</h2><p>See <a href='/details'>the details</a> "
        "and <a href='https://example.org/x'>the source</a>.</p>" + _PARA * 2 +
        "</article><footer>Copyright 2026</footer></body></html>").encode()),
    "builtin-rich": ("html", (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Rich page</title></head><body>"
        "<main><article><h1>Rich page</h1>" + _PARA + "<figure><img src='/a.png' alt='A chart'>"
        "<figcaption>The chart</figcaption></figure><ul><li>One item of the list</li><li>Two "
        "<a href='/two'>link</a></li></ul><table><tr><th>Year</th><th>Money</th></tr><tr><td>"
        "2025</td><td>100</td></tr></table><pre><code>print('hello')\n</code></pre><blockquote>"
        "<p>A quoted sentence that is long enough to be kept in the article body.</p>"
        "</blockquote>" + _PARA * 2 + "</article></main></body></html>").encode()),
    "builtin-dump": ("text", (
        "Home | News | Sport | Contact\n\nBudget report\n\nBy Ann Writer, 3 March 2026\n\n" +
        "The council met on Tuesday to discuss the new budget for the river bridge, which "
        "includes money for the school, the museum and the public library.\n\n" * 4 +
        "Share this: Facebook Twitter\nCopyright 2026\n").encode()),
}


@dataclass(frozen=True)
class Seed:
    name: str
    kind: str  # "html" or "text"
    path: str | None  # None: built-in

    def data(self) -> bytes:
        if self.path is None:
            return BUILTIN[self.name][1]
        return Path(self.path).read_bytes()


def seeds(corpus: Path | None, per_set: int, rng: random.Random) -> list[Seed]:
    """The built-in pages, and ``per_set`` tune pages (with their dumps) of each corpus set."""
    out = [Seed(name, kind, None) for name, (kind, _) in BUILTIN.items()]
    if corpus is None:
        return out
    from tests.bench.split import load_check

    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        check = load_check(folder.name) or set()
        ids = sorted({p.stem for p in folder.iterdir() if p.suffix in (".html", ".txt")}
                     - check)
        for page_id in rng.sample(ids, min(per_set, len(ids))):
            for suffix, kind in ((".html", "html"), (".txt", "text")):
                path = folder / f"{page_id}{suffix}"
                if path.exists() and path.stat().st_size < 2_000_000:
                    out.append(Seed(f"{folder.name}/{page_id}{suffix}", kind, str(path)))
    return out


# ---------------------------------------------------------------------------- mutations

def _insert(rng: random.Random, data: bytes, piece: bytes, near_text: bool = True) -> bytes:
    """``piece`` inserted at a random place; in markup, right after a random ``>`` (between
    tags, where the parser reads it as content), else anywhere."""
    if near_text:
        head = data[:2_000_000]
        spots = [m.end() for m in re.finditer(rb"<p\b[^>]*>", head)] or \
            [m.end() for m in re.finditer(rb"</?(?:div|li|td|article|span|h[1-6])\b[^>]*>", head)]
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
# The slow shapes (megabytes each) are drawn less often than the cheap ones.
_WEIGHT = {"json-ld": 0.5, "giant-attr": 0.3, "entities": 0.5, "one-line": 0.2, "deep-inline": 0.5}


@dataclass(frozen=True)
class Case:
    index: int
    seed: Seed
    mutation: str
    rng_seed: int

    def data(self) -> bytes:
        fn = MUTATIONS[self.mutation][0]
        return fn(random.Random(self.rng_seed), self.seed.data(), self.seed.kind)


def plan(seed: int, count: int, corpus: Path | None, per_set: int,
         only: list[str] | None = None) -> list[Case]:
    rng = random.Random(seed)
    pages = seeds(corpus, per_set, rng)
    names = [n for n in MUTATIONS if not only or n in only]
    pages = [p for p in pages if any(p.kind in MUTATIONS[n][1] for n in names)]
    cases = []
    for i in range(count):
        page = rng.choice(pages)
        usable = [n for n in names if page.kind in MUTATIONS[n][1]]
        mutation = rng.choices(usable, [_WEIGHT.get(n, 1.0) for n in usable])[0]
        cases.append(Case(i, page, mutation, rng.getrandbits(64)))
    return cases


# ---------------------------------------------------------------------------- checks

_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                      r"\ufeff]+")
_SCRIPTY = re.compile(r"^(?:javascript|vbscript|livescript|data):")
_RASTER = re.compile(r"^data:image/(?:png|gif|jpe?g|webp)[;,]")


def live_script_url(url: str, image: bool = False) -> bool:
    """Would a browser run this link/image target as script (or open it as a document)?"""
    u = _IGNORED.sub("", html.unescape(url or "")).lower()
    if image and _RASTER.match(u):
        return False
    return bool(_SCRIPTY.match(u))


def check_md(data: bytes) -> list[str]:
    from markdown_it import MarkdownIt

    text = data.decode("utf-8")
    found = []
    md = MarkdownIt("commonmark").enable("table")
    md.validateLink = lambda url: True  # markdown-it refuses script links; other viewers do not
    tokens = md.parse(text)

    def walk(toks):
        for t in toks:
            if t.type in ("html_inline", "html_block") and t.content != "<br>":
                # (the writer's own line break in a table cell, which GFM cannot hold else)
                found.append(f"md raw html: {t.content.strip()[:80]!r}")
            if t.type == "link_open" and live_script_url(t.attrGet("href") or ""):
                found.append(f"md live link: {t.attrGet('href')[:80]!r}")
            if t.type == "image" and live_script_url(t.attrGet("src") or "", image=True):
                found.append(f"md live image: {t.attrGet('src')[:80]!r}")
            if t.children:
                walk(t.children)

    walk(tokens)
    return found


_URL_KEYS = {"url", "src", "href", "cite", "poster", "canonical", "image", "source"}


def check_json(data: bytes) -> list[str]:
    doc = json.loads(data)
    found = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in _URL_KEYS and \
                live_script_url(node, image=key == "src"):
            found.append(f"json live url in {key!r}: {node[:80]!r}")

    walk(doc)
    return found


_BAD_ELEMENTS = {"script", "iframe", "object", "embed", "form", "base", "frame", "frameset",
                 "applet", "meta", "link", "style", "template", "foreignobject", "animate", "set"}


def check_zip(fmt: str, data: bytes) -> list[str]:
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        bad = zf.testzip()
        if bad:
            found.append(f"{fmt} bad zip member {bad}")
        for name in zf.namelist():
            if not name.endswith((".xml", ".xhtml", ".html", ".opf", ".ncx", ".rels")):
                continue
            raw = zf.read(name)
            try:
                root = ElementTree.fromstring(raw)
            except ElementTree.ParseError as exc:
                found.append(f"{fmt} invalid XML in {name}: {exc}")
                continue
            in_content = name.endswith((".xhtml", ".html"))
            for el in root.iter():
                tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
                if in_content and tag in _BAD_ELEMENTS and not (tag in ("link", "meta", "style")
                                                                 and _in_head(root, el)):
                    found.append(f"{fmt} element <{tag}> in {name}")
                for attr, value in el.attrib.items():
                    local = attr.rsplit("}", 1)[-1].lower()
                    if local.startswith("on"):
                        found.append(f"{fmt} attribute {local} in {name}")
                    if local in ("href", "src", "target", "poster", "action", "formaction",
                                 "data", "cite") and \
                            live_script_url(value, image=local == "src"):
                        found.append(f"{fmt} live {local} in {name}: {value[:80]!r}")
    return found


def _in_head(root, el) -> bool:
    for head in root.iter():
        if isinstance(head.tag, str) and head.tag.rsplit("}", 1)[-1] == "head":
            return any(e is el for e in head.iter())
    return False


def _marker(fmt: str, data: bytes) -> list[str]:
    if fmt in ("docx", "epub"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            blob = b"".join(zf.read(n) for n in zf.namelist())
    else:
        blob = data
    return [f"{fmt} carries {MARK} (markup content)"] if MARK.encode() in blob else []


def run_case(data: bytes, kind: str = "auto") -> dict:
    """Parse and render one input; the result's ``status``: ok, refused, exception, leak."""
    import convert
    from convert.errors import DecruftError

    try:
        article = convert.parse(data, kind=kind)
    except DecruftError as exc:
        msg = str(exc)
        if exc.__cause__ is not None and not isinstance(exc.__cause__, DecruftError):
            # a bug of decruft's own reader, reported as a plugin failure: the page is lost
            import traceback

            cause = exc.__cause__
            trace = "".join(traceback.format_exception(cause)[-8:])
            return {"status": "exception", "detail": f"parse: {msg[:200]}", "trace": trace}
        if "\n" in msg:
            return {"status": "exception", "detail": f"multi-line error: {msg[:200]!r}"}
        return {"status": "refused", "detail": msg[:200]}
    except RecursionError as exc:
        return {"status": "exception", "detail": f"parse: RecursionError: {exc}"}
    except BaseException as exc:  # noqa: BLE001 - the point is to catch everything
        return {"status": "exception", "detail": f"parse: {type(exc).__name__}: "
                                                 f"{str(exc)[:200]}", "trace": _trace()}
    leaks = []
    for fmt in FORMATS:
        try:
            out = convert.render(article, fmt)
        except BaseException as exc:  # noqa: BLE001
            return {"status": "exception", "detail": f"render {fmt}: {type(exc).__name__}: "
                                                     f"{str(exc)[:200]}", "trace": _trace()}
        try:
            if fmt == "md":
                leaks += check_md(out)
            elif fmt == "json":
                leaks += check_json(out)
            elif fmt in ("docx", "epub"):
                leaks += check_zip(fmt, out)
            leaks += _marker(fmt, out)
        except Exception as exc:  # noqa: BLE001 - an output we cannot read is a finding
            leaks.append(f"{fmt} unreadable output: {type(exc).__name__}: {str(exc)[:120]}")
    if leaks:
        return {"status": "leak", "detail": "; ".join(sorted(set(leaks)))[:600]}
    return {"status": "ok"}


def _trace() -> str:
    import traceback

    return "".join(traceback.format_exc().splitlines(keepends=True)[-8:])


# ---------------------------------------------------------------------------- processes

def worker(args) -> int:
    """Read case descriptions (JSON lines) on stdin, print ``B i`` then ``R json`` for each."""
    if args.mem_mb:
        limit = args.mem_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    run_case(BUILTIN["builtin-article"][1])  # the imports, before the first case's clock
    print("READY", flush=True)
    for line in sys.stdin:
        spec = json.loads(line)
        case = Case(spec["index"], Seed(**spec["seed"]), spec["mutation"], spec["rng_seed"])
        print(f"B {case.index}", flush=True)
        data = case.data()
        t0 = time.perf_counter()
        result = run_case(data)
        result.update(index=case.index, seconds=round(time.perf_counter() - t0, 2),
                      size=len(data))
        if result["status"] in ("exception", "leak"):
            save(Path(args.out), case, data)
        print("R " + json.dumps(result), flush=True)
    return 0


def save(out: Path, case: Case, data: bytes | None = None) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"case-{case.index}.bin"
    path.write_bytes(case.data() if data is None else data)
    return path


def _spec(case: Case) -> str:
    return json.dumps({"index": case.index, "mutation": case.mutation, "rng_seed": case.rng_seed,
                       "seed": {"name": case.seed.name, "kind": case.seed.kind,
                                "path": case.seed.path}})


def _start(args) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "tests.bench.fuzz", "--worker", "--out", args.out,
           "--mem-mb", str(args.mem_mb)]
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
                            start_new_session=True)


def _lines(proc: subprocess.Popen, timeout: float):
    """The worker's output lines as they come; ``None`` once ``timeout`` seconds pass with no
    line (read from the file descriptor itself: a buffered reader would hold lines that
    ``select`` cannot see)."""
    fd = proc.stdout.fileno()
    buf = b""
    while True:
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            yield line.decode("utf-8")
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            yield None
            continue
        piece = os.read(fd, 1 << 16)
        if not piece:
            return
        buf += piece


def run_chunk(args, cases: list[Case], emit) -> None:
    """Run ``cases`` in one worker; a hang or a death is reported and the rest resumed."""
    pending = list(cases)
    while pending:
        proc = _start(args)
        by_index = {c.index: c for c in pending}
        proc.stdin.write("".join(_spec(c) + "\n" for c in pending).encode("utf-8"))
        proc.stdin.close()
        current: Case | None = None
        done: set[int] = set()
        stopped = "died"
        started = False
        waited = 0.0
        tick = min(5.0, args.timeout)
        for line in _lines(proc, tick):
            if line is None:  # no news for a tick
                waited += tick
                if waited >= (args.timeout if started else 120.0):
                    stopped = "hang"
                    break
                continue
            waited = 0.0
            if line == "READY":
                started = True
            elif line.startswith("B "):
                current = by_index[int(line[2:])]
            elif line.startswith("R "):
                result = json.loads(line[2:])
                done.add(result["index"])
                emit(by_index[result["index"]], result)
                current = None
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, 9)
            except ProcessLookupError:
                pass
        proc.wait()
        proc.stdout.close()
        if current is not None:
            path = save(Path(args.out), current)
            detail = (f"over {args.timeout:g} s" if stopped == "hang"
                      else f"worker died (exit {proc.returncode})")
            emit(current, {"status": "hang" if stopped == "hang" else "exception",
                           "detail": detail, "index": current.index, "saved": str(path)})
            done.add(current.index)
        elif not done:
            emit(pending[0], {"status": "exception", "index": pending[0].index,
                              "detail": f"worker failed before its first case "
                                        f"(exit {proc.returncode})"})
            return
        pending = [c for c in pending if c.index not in done]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench.fuzz", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--corpus", type=Path, default=None,
                    help="the shared corpus folder (tune pages only are read)")
    ap.add_argument("--per-set", type=int, default=12, help="tune pages drawn from each set")
    ap.add_argument("--mutation", action="append", help="only these mutations (repeatable)")
    ap.add_argument("--only", type=int, action="append", help="only these case numbers")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=50, help="cases per worker process")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds a case may take")
    ap.add_argument("--mem-mb", type=int, default=4000, help="a worker's address-space cap")
    ap.add_argument("--out", default="/tmp/decruft-fuzz", help="where failing inputs go")
    ap.add_argument("--save", type=Path, help="every case's result, one JSON a line")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args)

    cases = plan(args.seed, args.cases, args.corpus, args.per_set, args.mutation)
    if args.only:
        cases = [c for c in cases if c.index in set(args.only)]
    chunks = [cases[i:i + args.chunk] for i in range(0, len(cases), args.chunk)]
    counts: dict[str, int] = {}
    findings: list[str] = []
    log = args.save.open("w") if args.save else None
    t0 = time.monotonic()

    def emit(case: Case, result: dict) -> None:
        status = result["status"]
        counts[status] = counts.get(status, 0) + 1
        if log:
            log.write(json.dumps({"case": case.index, "page": case.seed.name,
                                  "mutation": case.mutation, **result}) + "\n")
            log.flush()
        if status in ("exception", "hang", "leak"):
            line = f"case {case.index} {case.seed.name} {case.mutation}: {status}: " \
                   f"{result.get('detail', '')}"
            findings.append(line)
            print(line, flush=True)
            if result.get("trace"):
                print("    " + result["trace"].rstrip().replace("\n", "\n    "), flush=True)

    if args.jobs <= 1:
        for chunk in chunks:
            run_chunk(args, chunk, emit)
    else:
        import threading

        lock = threading.Lock()
        queue = list(chunks)

        def locked_emit(case, result):
            with lock:
                emit(case, result)

        def loop():
            while True:
                with lock:
                    if not queue:
                        return
                    chunk = queue.pop(0)
                run_chunk(args, chunk, locked_emit)

        threads = [threading.Thread(target=loop) for _ in range(args.jobs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    if log:
        log.close()
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"{len(cases)} cases in {time.monotonic() - t0:.0f} s: {summary}; "
          f"{len(findings)} findings (inputs in {args.out})")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
