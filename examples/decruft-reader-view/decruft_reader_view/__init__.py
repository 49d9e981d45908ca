"""decruft-reader-view: one self-contained, readable HTML page per article.

An output format plugin::

    decruft convert page.html -t reader -o page.html     # or -t html, or just -o page.html
    decruft convert a.html b.html -t reader -o digest.html   # several articles, one page

The page needs nothing from the network: the stylesheet is inline, there is no script (a
Content-Security-Policy forbids any), and every piece of page text is escaped. The body comes
from ``convert.html.HTMLRenderer``, decruft's safe AST-to-HTML renderer, which keeps only
http(s)/mailto/relative links and http(s)/relative/``data:image`` images; this plugin adds the
metadata header, the figure styling and the document around it.

With ``--embed-images`` every image whose bytes are at hand (``data:`` URIs, files next to a
saved page, http(s) when the network is allowed; see ``convert.images.loader_for``) is inlined
as a ``data:`` URI, so that the page shows its pictures offline and from any folder; the others
keep their URL. ``--no-images`` leaves images out.

Options (``-O KEY=VALUE``): ``font=sans`` for a sans-serif body.
"""

from __future__ import annotations

import re
from html import escape
from importlib import resources
from typing import Sequence

from convert import PLUGIN_API_VERSION, Article, Meta, hookimpl
from convert.formats import FormatRegistry, RenderOptions
from convert.html import HTMLRenderer, safe_link_url

try:  # image bytes from data: URIs, saved pages and (when allowed) the network
    from convert.images import loader_for
except ImportError:  # a decruft without convert.images: --embed-images keeps the URLs
    loader_for = None

if PLUGIN_API_VERSION.split(".")[0] != "1":
    raise ImportError(f"decruft-reader-view needs plugin API 1.x, not {PLUGIN_API_VERSION}")

__version__ = "0.1.0"

# No scripts, frames, fonts or fetches other than the article's own images.
CSP = "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'"
_LANG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
#: What --embed-images inlines: what every browser shows (no SVG: it can carry script).
EMBED_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})


def _css() -> str:
    return resources.files(__name__).joinpath("style.css").read_text(encoding="utf-8")


def _e(text: str) -> str:
    return escape(text, quote=True)


def _lang(meta: Meta) -> str | None:
    tag = (meta.language or "").strip().replace("_", "-")
    return tag if _LANG.fullmatch(tag) else None


class ReaderRenderer(HTMLRenderer):
    """decruft's HTML renderer with a reader-view header: kicker, title, standfirst, byline
    with the date and reading time, and the lead image with its caption and credit."""

    def header(self, meta: Meta, *, level: int = 1) -> str:
        parts = []
        kicker = " · ".join(s.strip() for s in (meta.site_name, meta.section) if s and s.strip())
        if kicker:
            parts.append(f'<p class="kicker">{_e(kicker)}</p>\n')
        lv = max(1, min(6, level))
        parts.append(f"<h{lv}>{_e((meta.title or '').strip() or 'Untitled')}</h{lv}>\n")
        if meta.subtitle and meta.subtitle.strip():
            parts.append(f'<p class="subtitle">{_e(meta.subtitle.strip())}</p>\n')
        byline = []
        authors = [a.strip() for a in meta.authors if a.strip()]
        if authors:
            byline.append("By " + _e(_join_names(authors)))
        if meta.published:
            byline.append(f'<time datetime="{_e(meta.published)}">{_e(meta.published[:10])}'
                          "</time>")
        minutes = meta.extra.get("reading_time_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool) and minutes > 0:
            byline.append(f"{minutes} min read")
        if byline:
            parts.append(f'<p class="byline">{" · ".join(byline)}</p>\n')
        if meta.lead_image is not None:
            parts.append(self.render_figure(meta.lead_image))
        return f"<header>\n{''.join(parts)}</header>\n"


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _renderer(article: Article, options: RenderOptions, *, shift: int = 0) -> ReaderRenderer:
    return ReaderRenderer(base_url=article.meta.url, heading_shift=shift,
                          image_src=_image_hook(article, options))


def _image_hook(article: Article, options: RenderOptions):  # type: ignore[no-untyped-def]
    """None (URLs as they are), a hook that drops images (--no-images) or one that inlines
    them as data: URIs (--embed-images)."""
    if not options.images:
        return lambda src: None
    if not getattr(options, "embed_images", False) or loader_for is None:
        return None
    load = loader_for(article, options, accept=EMBED_TYPES)

    def embed(src: str) -> str:
        found = load(src)
        return found.data_uri() if found is not None else src

    return embed


def article_section(article: Article, options: RenderOptions, *, anchor: str | None = None,
                    level: int = 1) -> str:
    """One ``<article>`` element: header, body, and a link to the source."""
    r = _renderer(article, options, shift=level - 1)
    lang = _lang(article.meta)
    attrs = (f' id="{_e(anchor)}"' if anchor else "") + (f' lang="{lang}"' if lang else "")
    body = r.blocks(article.blocks)
    return (f"<article{attrs}>\n{r.header(article.meta, level=level)}{body}"
            f"{_source_line(article.meta)}</article>\n")


def _source_line(meta: Meta) -> str:
    where = meta.url or (meta.source.location if meta.source else None)
    url = safe_link_url(where) if where and where.startswith(("http://", "https://")) else None
    if url is None:
        return ""
    return f'<p class="source">Source: <a href="{_e(url)}">{_e(url)}</a></p>\n'


def page(body: str, *, title: str, lang: str | None, options: RenderOptions) -> str:
    """The complete HTML5 document around ``body``."""
    cls = ' class="font-sans"' if options.extra.get("font") == "sans" else ""
    lang_attr = f' lang="{lang}"' if lang else ""
    return ("<!DOCTYPE html>\n"
            f"<html{lang_attr}>\n<head>\n<meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="decruft-reader-view {__version__}">\n'
            f"<title>{_e(title)}</title>\n<style>\n{_css()}</style>\n</head>\n"
            f"<body{cls}>\n<main>\n{body}</main>\n</body>\n</html>\n")


def render(article: Article, options: RenderOptions) -> bytes:
    """Render one article as a reader-view page."""
    html = page(article_section(article, options), title=article.meta.title or "Untitled",
                lang=_lang(article.meta), options=options)
    return html.encode("utf-8")


def render_bundle(articles: Sequence[Article], options: RenderOptions) -> bytes:
    """Several articles on one page, after a table of contents."""
    title = options.title or "Reading list"
    toc, sections = [], []
    for n, article in enumerate(articles, 1):
        anchor = f"article-{n}"
        toc.append(f'<li><a href="#{anchor}">{_e(article.meta.title or "Untitled")}</a></li>\n')
        sections.append(article_section(article, options, anchor=anchor, level=2))
    langs = {_lang(a.meta) for a in articles}
    lang = langs.pop() if len(langs) == 1 else None
    body = (f"<h1>{_e(title)}</h1>\n<nav>\n<ol>\n{''.join(toc)}</ol>\n</nav>\n"
            + "".join(sections))
    return page(body, title=title, lang=lang, options=options).encode("utf-8")


@hookimpl
def register_formats(registry: FormatRegistry) -> None:
    registry.add("reader", render, extensions=["html", "htm"], bundle=render_bundle,
                 media_type="text/html",
                 description="a self-contained reader-view HTML page (decruft-reader-view)")
