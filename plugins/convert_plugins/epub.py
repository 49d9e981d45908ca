"""The ``epub`` format: EPUB 3 through ebooklib, valid for epubcheck (0 errors, 0 warnings).

Chapters are XHTML documents from :mod:`convert.html`; images whose bytes are at hand
(``data:`` URIs, files next to a saved page, http(s) when the network is allowed; see
:func:`convert.images.loader_for`) become manifest items with the media type their bytes show,
the others are dropped (EPUB forbids remote resources); the first article's lead image is the
cover. Links that cannot leave the book (relative, ``#fragment``) keep only their text.
Right-to-left articles are marked ``dir="rtl"`` (see :func:`convert.html.article_direction`),
and a book whose first article is one turns its pages right to left. The
package has a navigation document and an NCX (each chapter with its sections: see
:func:`_toc_entry`), Dublin Core metadata, an identifier derived
from the canonical URL (or the content), a ``dcterms:modified`` that never is "now", and a zip
whose ``mimetype`` comes first and uncompressed, with fixed entry dates: the same input gives
the same bytes. ebooklib writes to memory here; the caller writes the file atomically.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from typing import Any, Sequence

from convert import Article, hookimpl
from convert.errors import MissingDependency
from convert.formats import FormatRegistry, RenderOptions
from convert.html import HTMLRenderer, article_html, html_document, safe_image_url
from convert.images import ImageData, ImageLoader, loader_for
from convert.textutil import clean_text

from ._common import build_date, reproducible_zip

CSS_PATH = "style/decruft.css"
#: Core media types of EPUB 3 that e-readers show (SVG is left out: it can carry script and
#: would need the ``svg`` manifest property on every chapter that shows it).
ACCEPT_IMAGES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
CSS = """\
body { margin: 0 5%; line-height: 1.5; font-family: serif; }
h1, h2, h3, h4, h5, h6 { font-family: sans-serif; line-height: 1.2; margin: 1.2em 0 0.5em;
  page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; }
h2 { font-size: 1.3em; }
h3 { font-size: 1.15em; }
h4, h5, h6 { font-size: 1em; }
p { margin: 0 0 0.8em; text-align: left; }
header { margin-bottom: 1.5em; }
header .subtitle { font-size: 1.1em; font-style: italic; margin-top: 0; }
header .byline { font-size: 0.9em; color: #555; }
blockquote { margin: 1em 1.5em; padding-left: 0.8em; border-left: 3px solid #ccc; }
pre { font-family: monospace; font-size: 0.85em; white-space: pre-wrap; background: #f4f4f4;
  padding: 0.6em; }
code { font-family: monospace; font-size: 0.9em; }
figure { margin: 1em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
figure img, p img { max-width: 100%; height: auto; }
figcaption { font-size: 0.85em; color: #444; margin-top: 0.3em; }
figcaption .credit { font-size: 0.9em; color: #666; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
th { background: #eee; }
caption { font-size: 0.9em; font-style: italic; caption-side: top; }
hr { border: 0; border-top: 1px solid #999; margin: 1.5em 20%; }
[dir="rtl"] p, p[dir="rtl"] { text-align: right; }
[dir="rtl"] blockquote { padding-left: 0; border-left: 0; padding-right: 0.8em;
  border-right: 3px solid #ccc; }
p[dir="ltr"] { text-align: left; }
"""


def _book_items() -> tuple[Any, Any]:
    try:
        from ebooklib import epub
    except ImportError:
        raise MissingDependency("ebooklib", "epub") from None

    class Chapter(epub.EpubHtml):  # type: ignore[misc, name-defined]
        """A chapter whose XHTML we made ourselves: ebooklib would re-parse it as HTML."""

        def get_content(self, default: Any = None) -> bytes:
            return self.content

    return epub, Chapter


def _lang(articles: Sequence[Article]) -> str:
    from convert.html import language_tag

    for a in articles:
        tag = language_tag(a.meta.language)
        if tag:
            return tag
    return "und"


def _identifier(articles: Sequence[Article], chapters: Sequence[bytes]) -> str:
    """``urn:uuid:`` derived from the canonical URL(s), else from the chapters' content: stable
    across runs, different for different books."""
    if len(articles) == 1 and articles[0].meta.url:
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, clean_text(articles[0].meta.url))}"
    h = hashlib.sha256()
    for article, chapter in zip(articles, chapters):
        key = clean_text(article.meta.url).encode() if article.meta.url else chapter
        h.update(hashlib.sha256(key).digest())
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_OID, h.hexdigest())}"


class _Images:
    """Embeds the images of the book's chapters as resources (deduplicated by content).

    :meth:`for_chapter` makes each chapter's ``image_src`` hook around that article's loader;
    an image whose bytes cannot be had is dropped (EPUB forbids remote resources)."""

    def __init__(self, book: Any, epub: Any, options: RenderOptions) -> None:
        self.book, self.epub, self.options = book, epub, options
        self.enabled = options.images
        self.by_digest: dict[str, str] = {}
        self.loaders: list[ImageLoader] = []

    def for_chapter(self, article: Article) -> Any:
        if not self.enabled:
            return lambda src: None
        load = loader_for(article, self.options, accept=ACCEPT_IMAGES)
        self.loaders.append(load)

        def src(src: str) -> str | None:
            found = load(src)
            return None if found is None else "../" + self.add(found)

        return src

    def add(self, image: ImageData) -> str:
        digest = hashlib.sha256(image.data).hexdigest()[:16]
        href = self.by_digest.get(digest)
        if href is None:
            href = f"images/img-{digest}.{image.extension}"
            self.book.add_item(self.epub.EpubImage(uid=f"img-{digest}", file_name=href,
                                                   media_type=image.media_type,
                                                   content=image.data))
            self.by_digest[digest] = href
        return href


def _link_url(url: str) -> str | None:
    # Inside the book only absolute links lead anywhere: a relative or #fragment link would
    # point at a file or an id that does not exist (epubcheck RSC-007/RSC-012).
    return url if url.startswith(("http://", "https://", "mailto:")) else None


def _render(articles: Sequence[Article], options: RenderOptions, title: str) -> bytes:
    epub, Chapter = _book_items()
    articles = list(articles)
    title = " ".join(clean_text(title).split()) or "Untitled"
    book = epub.EpubBook()
    book.set_title(title)
    lang = _lang(articles)
    book.set_language(lang)
    seen: set[str] = set()
    for name in (x for a in articles for x in a.meta.authors):
        name = clean_text(name).strip()
        if name and name not in seen:
            seen.add(name)
            book.add_author(name, uid=f"creator{len(seen)}")
    _dublin_core(book, articles)
    tags: list[str] = []
    for a in articles:
        tags.extend(t for t in (clean_text(x).strip() for x in a.meta.tags)
                    if t and t not in tags)
    for tag in tags:
        book.add_metadata("DC", "subject", tag)

    css = epub.EpubItem(uid="style", file_name=CSS_PATH, media_type="text/css",
                        content=CSS.encode("utf-8"))
    book.add_item(css)
    images = _Images(book, epub, options)
    width = max(3, len(str(len(articles))))
    chapters = []
    toc: list[Any] = []
    directions: list[str] = []
    for i, article in enumerate(articles, start=1):
        meta = article.meta
        renderer = HTMLRenderer(image_src=images.for_chapter(article), link_url=_link_url,
                                base_url=meta.url, bidi=True)
        renderer.headings = []
        body = article_html(article, renderer=renderer)
        directions.append(renderer.direction)
        chapter_title = clean_text(meta.title or "").strip() or (
            title if len(articles) == 1 else f"Article {i}")
        doc = html_document(body, title=chapter_title, lang=meta.language or lang,
                            stylesheets=["../" + CSS_PATH], epub=True,
                            direction=renderer.direction)
        chapter = Chapter(uid=f"chapter-{i:0{width}d}",
                          file_name=f"text/chapter-{i:0{width}d}.xhtml",
                          title=chapter_title, lang=lang)
        chapter.media_type = "application/xhtml+xml"
        chapter.content = doc.encode("utf-8")
        book.add_item(chapter)
        chapters.append(chapter)
        toc.append(_toc_entry(epub, chapter, renderer.headings or []))

    book.set_identifier(_identifier(articles, [c.content for c in chapters]))
    # The lead image is the cover unless ``-O cover=false``.
    if images.loaders and _flag(options.extra.get("cover", True)):
        _cover(book, epub, articles, images)

    # Pages turn right to left in a book whose (first) article is written right to left.
    rtl = directions[0] == "rtl"
    if rtl:
        book.set_direction("rtl")
    book.toc = toc
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title="Contents", direction="rtl" if rtl else None)
    nav.add_link(href=CSS_PATH, rel="stylesheet", type="text/css")
    book.add_item(nav)
    book.spine = list(chapters)

    when = build_date(articles)
    out = io.BytesIO()
    writer = epub.EpubWriter(out, book, {"mtime": when, "epub3_pages": False,
                                         "epub2_guide": False, "epub3_landmark": False,
                                         "raise_exceptions": True})
    writer.process()
    try:
        writer.write()
    except Exception:
        # ebooklib leaves its ZipFile open on failure; close it so that nothing is printed at
        # garbage collection, then let the caller report the error.
        try:
            writer.out.close()
        except Exception:
            pass
        raise
    return reproducible_zip(out.getvalue(), when, first="mimetype")


#: A chapter's table of contents lists at most this many of its headings.
MAX_TOC_HEADINGS = 200


def _toc_entry(epub: Any, chapter: Any, headings: Sequence[tuple[int, str, str]]) -> Any:
    """A chapter's entry in the table of contents: the chapter, and under it its sections,
    the headings of its top level with those one level below nested under them (so a long
    article can be navigated by section, not only opened at its start)."""
    headings = [h for h in headings if h[1]]
    if not headings:
        return chapter
    top = min(level for level, _, _ in headings)
    entries: list[Any] = []
    for level, text, hid in headings[:MAX_TOC_HEADINGS]:
        link = epub.Link(f"{chapter.file_name}#{hid}", text, f"{chapter.id}-{hid}")
        if level == top:
            entries.append(link)
        elif level == top + 1 and entries:
            last = entries[-1]
            if isinstance(last, tuple):
                last[1].append(link)
            else:
                entries[-1] = (last, [link])
    entries = [(epub.Section(e[0].title, e[0].href), e[1]) if isinstance(e, tuple) else e
               for e in entries]
    return (chapter, entries)


def _dublin_core(book: Any, articles: Sequence[Article]) -> None:
    """dc:date (the latest publication), dc:publisher (the site, when all articles share it),
    dc:source (each canonical URL) and, for one article, dc:description."""
    from ._common import parse_date

    dated = [(parse_date(a.meta.published), a.meta.published) for a in articles
             if a.meta.published and parse_date(a.meta.published)]
    if dated:
        date = _dc_date(max(dated, key=lambda d: d[0])[1])  # type: ignore[arg-type, index]
        if date:
            book.add_metadata("DC", "date", date)
    sites = {clean_text(a.meta.site_name or "").strip() for a in articles}
    if len(sites) == 1 and "" not in sites:
        book.add_metadata("DC", "publisher", sites.pop())
    urls: list[str] = []
    for a in articles:
        url = clean_text(a.meta.url or "").strip()
        if url and url not in urls:
            urls.append(url)
            book.add_metadata("DC", "source", url)
    if len(articles) == 1 and articles[0].meta.description:
        book.add_metadata("DC", "description", clean_text(articles[0].meta.description).strip())


def _flag(value: Any) -> bool:
    return str(value).strip().lower() not in ("0", "false", "no", "off", "")


def _cover(book: Any, epub: Any, articles: Sequence[Article], images: _Images) -> None:
    """Mark the lead image of the (first) article as the cover image, when it is embedded."""
    meta = articles[0].meta
    lead = meta.lead_image
    if lead is None or lead.image is None:
        return
    # The same source the chapter's renderer resolved: the loader has it cached.
    src = safe_image_url(lead.image.src, meta.url)
    found = images.loaders[0](src) if src else None
    if found is None:
        return
    digest = hashlib.sha256(found.data).hexdigest()[:16]
    item = book.get_item_with_id(f"img-{digest}")
    if item is not None:
        item.properties = ["cover-image"]
        book.add_metadata(None, "meta", "", {"name": "cover", "content": item.id})


def _dc_date(value: str) -> str | None:
    from ._common import parse_date

    value = clean_text(value).strip()
    if len(value) == 10 and parse_date(value):
        return value
    parsed = parse_date(value)
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ") if parsed else None


def render_epub(article: Article, options: RenderOptions) -> bytes:
    title = (article.meta.title or "").strip() or (options.title or "").strip() or "Untitled"
    return _render([article], options, title)


def bundle_epub(articles: Sequence[Article], options: RenderOptions) -> bytes:
    articles = list(articles)
    if not articles:
        from convert.errors import FormatError
        raise FormatError("nothing to bundle")
    title = (options.title or "").strip()
    if not title:
        titles = [a.meta.title.strip() for a in articles if a.meta.title and a.meta.title.strip()]
        title = (titles[0] if len(articles) == 1 and titles else
                 f"{titles[0]} and {len(articles) - 1} more" if titles else
                 f"{len(articles)} articles")
    return _render(articles, options, title)


@hookimpl
def register_formats(registry: FormatRegistry) -> None:
    registry.add("epub", render_epub, extensions=["epub"], binary=True, bundle=bundle_epub,
                 media_type="application/epub+zip",
                 description="EPUB 3 e-book (ebooklib), epubcheck-clean; bundles one chapter "
                             "per article")
