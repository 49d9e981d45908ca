"""Saved-page archives built in the tests (no archive files in git): MHTML as Chromium writes
it, and Safari's ``.webarchive`` (a binary property list)."""

from __future__ import annotations

import base64
import plistlib
import quopri
from dataclasses import dataclass

from savedpage import PNG, TEXT

PAGE_URL = "https://news.example.org/2024/05/harbour.html"
IMG_URL = "https://cdn.example.org/img/harbour.png"


@dataclass
class Res:
    """One archive part: its bytes, type, URL (``Content-Location``), Content-ID, encoding."""

    data: bytes
    media_type: str = "image/png"
    location: str | None = None
    cid: str | None = None
    encoding: str = "base64"
    charset: str | None = None


def page_html(*srcs: str, title: str = "Dawn at the harbour", extra: str = "") -> str:
    figures = "".join(f'<figure><img src="{s}" alt="pic {i}">'
                      f"<figcaption>Caption {i}</figcaption></figure>"
                      for i, s in enumerate(srcs))
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title></head><body><nav>Home News Sport</nav><article>"
            f"<h1>{title}</h1><p>{TEXT * 3}</p>{figures}<h2>Night</h2>"
            f"<p>{TEXT * 2}{extra}</p></article><footer>© Example</footer></body></html>")


def mhtml(parts: list[Res], *, boundary: str = "----MultipartBoundary--abc123",
          snapshot: str | None = PAGE_URL, start: str | None = None) -> bytes:
    """An MHTML archive as Chromium's "Save as… Webpage, single file" writes it."""
    head = ["From: <Saved by Blink>"]
    if snapshot:
        head.append(f"Snapshot-Content-Location: {snapshot}")
    head += ["Subject: Dawn at the harbour", "Date: Wed, 1 May 2024 10:00:00 +0200",
             "MIME-Version: 1.0",
             "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
             f"\tboundary=\"{boundary}\"" + (f";\r\n\tstart=\"<{start}>\"" if start else "")]
    out = ["\r\n".join(head), "", ""]
    for p in parts:
        ctype = p.media_type + (f"; charset=\"{p.charset}\"" if p.charset else "")
        lines = [f"--{boundary}", f"Content-Type: {ctype}"]
        if p.cid:
            lines.append(f"Content-ID: <{p.cid}>")
        lines.append(f"Content-Transfer-Encoding: {p.encoding}")
        if p.location:
            lines.append(f"Content-Location: {p.location}")
        if p.encoding == "base64":
            body = base64.encodebytes(p.data).decode("ascii").replace("\n", "\r\n")
        elif p.encoding == "quoted-printable":
            body = quopri.encodestring(p.data).decode("ascii").replace("\n", "\r\n")
        else:
            body = p.data.decode("latin-1")
        out.append("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n")
    out.append(f"--{boundary}--\r\n")
    return "\r\n".join(out[:2]).encode("latin-1") + "\r\n".join(out[2:]).encode("latin-1")


def chrome_mhtml(html: str | None = None, *, image: bytes = PNG) -> bytes:
    """A typical archive: the page (quoted-printable UTF-8) and its image (base64)."""
    html = html if html is not None else page_html(IMG_URL)
    return mhtml([Res(html.encode("utf-8"), "text/html", PAGE_URL, encoding="quoted-printable",
                      charset="utf-8"),
                  Res(image, "image/png", IMG_URL, cid="frame-1@mhtml.blink")])


def webarchive(html: bytes, subresources: list[dict], *, url: str = PAGE_URL,
               mime: str = "text/html", encoding: str | None = "UTF-8") -> bytes:
    """A Safari ``.webarchive``: a binary property list of the page and its resources."""
    main = {"WebResourceData": html, "WebResourceMIMEType": mime, "WebResourceURL": url,
            "WebResourceFrameName": ""}
    if encoding:
        main["WebResourceTextEncodingName"] = encoding
    return plistlib.dumps({"WebMainResource": main, "WebSubresources": subresources},
                          fmt=plistlib.FMT_BINARY)


def subresource(data: bytes, url: str, mime: str = "image/png") -> dict:
    return {"WebResourceData": data, "WebResourceMIMEType": mime, "WebResourceURL": url}
