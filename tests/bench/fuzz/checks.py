"""One case's verdict: the input parsed and rendered to every format, and each output checked
for leaks (raw HTML or a live script URL in md, a script URL in json, invalid XML, script
elements, ``on*`` attributes or script URLs in docx/epub, the marker of markup-only content).
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from xml.etree import ElementTree

from .mutations import MARK

FORMATS = ("md", "txt", "json", "docx", "epub")

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
            if article.meta.source.kind != "text":
                # Read as a text dump (a mutation can garble the doctype and the first tags
                # past recognition), every character of the input is the page's text, the
                # marker included; the md/json/zip checks above still hold.
                leaks += _marker(fmt, out)
        except Exception as exc:  # noqa: BLE001 - an output we cannot read is a finding
            leaks.append(f"{fmt} unreadable output: {type(exc).__name__}: {str(exc)[:120]}")
    if leaks:
        return {"status": "leak", "detail": "; ".join(sorted(set(leaks)))[:600]}
    return {"status": "ok"}


def _trace() -> str:
    import traceback

    return "".join(traceback.format_exc().splitlines(keepends=True)[-8:])
