"""The ``pdf`` format: a reader-friendly PDF through WeasyPrint (``pip install decruft[pdf]``).

The page is the article's XHTML from :mod:`convert.html` with a print stylesheet: A4 by
default, US Letter with ``-O page=letter``; a header with the title, subtitle, byline and the
source URL; figures with their captions kept on one page; links kept as PDF links (only
absolute ones: a relative link has nowhere to go in a file); a bookmark outline from the
title and the headings. A bundle is one PDF: a title page, then each article on a new page
with a top-level bookmark and its headings below it.

Images are embedded from the sources :func:`convert.images.loader_for` allows (``data:``
URIs, files next to a saved page, the network only when allowed); WeasyPrint itself is given
a URL fetcher that refuses everything, so a page can never make it fetch a URL or read a file.

The bytes are reproducible: the document's creation and modification dates are
``SOURCE_DATE_EPOCH``, else the articles' date, else 1980-01-01, and the PDF identifier is a
hash of the content, and the embedded font subsets carry the same date (see :func:`_epoch`),
so the same input renders to the same bytes with the same WeasyPrint and fonts.
"""

from __future__ import annotations

import hashlib
import os
import threading
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

from convert import Article, hookimpl
from convert.errors import FormatError, MissingDependency
from convert.formats import FormatRegistry, RenderOptions
from convert.html import HTMLRenderer, article_html, html_document
from convert.images import loader_for
from convert.textutil import clean_text

from ._common import build_date

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
#: Media types WeasyPrint shows (through Pillow); SVG is left out: it can fetch and script.
ACCEPT_IMAGES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})

CSS = """\
@page { size: %(size)s; margin: 22mm 20mm 24mm;
  @bottom-center { content: counter(page) " / " counter(pages); font: 8pt sans-serif;
    color: #777; } }
html { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.45;
  color: #111; }
h1, h2, h3, h4, h5, h6 { font-family: "DejaVu Sans", Helvetica, sans-serif; line-height: 1.2;
  margin: 1.1em 0 0.4em; break-after: avoid; bookmark-level: none; }
h1 { font-size: 1.7em; } h2 { font-size: 1.3em; } h3 { font-size: 1.12em; }
h4, h5, h6 { font-size: 1em; }
article h1, article h2 { bookmark-level: 2; }
article h3 { bookmark-level: 3; } article h4 { bookmark-level: 4; }
article h5 { bookmark-level: 5; } article h6 { bookmark-level: 6; }
article > header > h1 { bookmark-level: 1; margin-top: 0; }
article + article { break-before: page; }
p { margin: 0 0 0.7em; orphans: 2; widows: 2; }
header { margin-bottom: 1.4em; padding-bottom: 0.6em; border-bottom: 0.5pt solid #bbb; }
header .subtitle { font-size: 1.12em; font-style: italic; margin-top: 0; }
header .byline, header .source { font-size: 0.85em; color: #555; margin: 0.2em 0; }
header .source a { color: #555; }
a { color: #1a4f8b; text-decoration: none; }
ul, ol { padding-left: 1.5em; }
blockquote { margin: 0.8em 1.2em; padding-left: 0.8em; border-left: 2pt solid #ccc; }
/* Deep nesting must not push the text off the page: past a few levels, barely indent. */
li li li li li li ul, li li li li li li ol { padding-left: 0.3em; }
blockquote blockquote blockquote blockquote { margin: 0.4em 0 0.4em 0.2em; padding-left: 0.2em; }
pre { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; white-space: pre-wrap;
  background: #f4f4f4; padding: 0.5em; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
figure { margin: 1em 0; text-align: center; break-inside: avoid; }
figure img, p img { max-width: 100%%; max-height: 120mm; height: auto; }
figcaption { font-size: 0.85em; color: #444; margin-top: 0.3em; }
figcaption .credit { color: #666; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 0.5pt solid #999; padding: 0.2em 0.4em; vertical-align: top; }
th { background: #eee; }
caption { font-size: 0.9em; font-style: italic; }
hr { border: 0; border-top: 0.5pt solid #999; margin: 1.4em 20%%; }
.title-page { break-after: page; padding-top: 35%%; text-align: center; }
.title-page h1 { font-size: 2.2em; }
.title-page ol { text-align: left; margin: 2em 10%%; }
[dir="rtl"] ul, [dir="rtl"] ol { padding-left: 0; padding-right: 1.5em; }
[dir="rtl"] blockquote { padding-left: 0; border-left: 0; padding-right: 0.8em;
  border-right: 2pt solid #ccc; }
"""


#: Serialises renders: :func:`_epoch` changes the process environment while one runs.
_LOCK = threading.Lock()


@contextmanager
def _epoch(seconds: int) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set to ``seconds`` while WeasyPrint writes: its font subsetter
    (fontTools) stamps every embedded font with the current time unless that variable is set
    (and fails on an empty one)."""
    with _LOCK:
        before = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(seconds)
        try:
            yield
        finally:
            if before is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = before


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError:
        raise MissingDependency("WeasyPrint", "pdf") from None
    except OSError as exc:  # its system libraries (Pango, ...) are missing
        raise MissingDependency(f"WeasyPrint's system libraries ({exc})", "pdf") from None
    return weasyprint


def _fetcher(weasyprint: Any) -> Any:
    """WeasyPrint's URL fetcher: images are already ``data:`` URIs, everything else is
    refused (no network, no local file)."""
    urls = weasyprint.urls
    if hasattr(urls, "URLFetcher"):  # WeasyPrint 68+
        return urls.URLFetcher(allowed_protocols={"data"})

    def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
        if url.startswith("data:"):
            return urls.default_url_fetcher(url)
        raise ValueError(f"decruft's PDF writer does not fetch {url[:80]!r}")

    return fetch


def _link_url(url: str) -> str | None:
    return url if url.startswith(("http://", "https://", "mailto:")) else None


def _page_size(options: RenderOptions) -> str:
    asked = str(options.extra.get("page", "a4")).strip().lower()
    if asked not in PAGE_SIZES:
        raise FormatError(f"page must be one of {', '.join(PAGE_SIZES)}, not {asked!r}")
    return PAGE_SIZES[asked]


def _article_html(article: Article, options: RenderOptions) -> str:
    load = loader_for(article, options, accept=ACCEPT_IMAGES) if options.images else None

    def image_src(src: str) -> str | None:
        if load is None:
            return None
        found = load(src)
        return found.data_uri() if found is not None else None

    renderer = HTMLRenderer(image_src=image_src, link_url=_link_url, base_url=article.meta.url,
                            bidi=True)
    body = article_html(article, renderer=renderer)
    url = _link_url(clean_text(article.meta.url or "").strip())
    if url:
        from html import escape

        source = (f'<p class="source"><a href="{escape(url)}">{escape(url)}</a></p>\n')
        if "</header>" in body:
            body = body.replace("</header>", source + "</header>", 1)
        else:
            body = body.replace(">\n", f">\n<header>\n{source}</header>", 1)
    return body


def _title_page(title: str, articles: Sequence[Article]) -> str:
    from html import escape

    items = "".join(f"<li>{escape(clean_text(a.meta.title or '').strip() or f'Article {i}')}"
                    "</li>\n" for i, a in enumerate(articles, start=1))
    return (f'<section class="title-page">\n<h1>{escape(title)}</h1>\n<ol>\n{items}</ol>\n'
            "</section>\n")


def _metadata_head(articles: Sequence[Article], title: str) -> str:
    from html import escape

    when = build_date(articles).strftime("%Y-%m-%dT%H:%M:%SZ")  # see also _epoch
    authors: list[str] = []
    for a in articles:
        authors.extend(x for x in (clean_text(n).strip() for n in a.meta.authors)
                       if x and x not in authors)
    tags: list[str] = []
    for a in articles:
        tags.extend(x for x in (clean_text(t).strip() for t in a.meta.tags)
                    if x and x not in tags)
    metas = [("dcterms.created", when), ("dcterms.modified", when),
             ("generator", "decruft")]
    metas += [("author", name) for name in authors]
    if tags:
        metas.append(("keywords", ", ".join(tags)))
    description = articles[0].meta.description if len(articles) == 1 else None
    if description:
        metas.append(("description", clean_text(description).strip()))
    return "".join(f'<meta name="{k}" content="{escape(v)}"/>\n' for k, v in metas)


def _render(articles: Sequence[Article], options: RenderOptions, title: str,
            title_page: bool) -> bytes:
    weasyprint = _weasyprint()
    title = " ".join(clean_text(title).split()) or "Untitled"
    css = CSS % {"size": _page_size(options)}
    body = "".join(_article_html(a, options) for a in articles)
    if title_page:
        body = _title_page(title, articles) + body
    lang = next((a.meta.language for a in articles if a.meta.language), None)
    doc = html_document(body, title=title, lang=lang)
    doc = doc.replace("</head>", _metadata_head(articles, title) + "</head>", 1)
    digest = hashlib.sha256((css + doc).encode("utf-8")).hexdigest()[:32]
    html = weasyprint.HTML(string=doc, url_fetcher=_fetcher(weasyprint), base_url=None)
    with _epoch(int(build_date(articles).timestamp())):
        out = html.write_pdf(pdf_identifier=digest.encode("ascii"),
                             stylesheets=[weasyprint.CSS(string=css)])
    if not isinstance(out, bytes):
        raise FormatError("WeasyPrint returned no PDF")
    return out


def render_pdf(article: Article, options: RenderOptions) -> bytes:
    title = clean_text(article.meta.title or "").strip() or (options.title or "").strip()
    return _render([article], options, title, title_page=False)


def bundle_pdf(articles: Sequence[Article], options: RenderOptions) -> bytes:
    articles = list(articles)
    if not articles:
        raise FormatError("no articles to bundle")
    title = (options.title or "").strip()
    if not title:
        titles = [t for t in (clean_text(a.meta.title or "").strip() for a in articles) if t]
        title = (titles[0] if len(articles) == 1 and titles else
                 f"{titles[0]} and {len(articles) - 1} more" if titles else
                 f"{len(articles)} articles")
    return _render(articles, options, title, title_page=True)


@hookimpl
def register_formats(registry: FormatRegistry) -> None:
    registry.add("pdf", render_pdf, extensions=["pdf"], binary=True, bundle=bundle_pdf,
                 media_type="application/pdf",
                 description="PDF (WeasyPrint): A4 or Letter, outline from the headings; "
                             "bundles one article per section")
