"""The neutral article AST: metadata plus a tree of block and inline nodes.

Every node is a small frozen dataclass. The set of node types is closed: renderers dispatch on
``node.type`` and may rely on never meeting anything else. There is a hard split between
*blocks* (things that stack vertically) and *inlines* (runs of text inside a block); a field
holding inlines is always called ``children`` and a field holding blocks is always called
``blocks``, so generic walkers never have to guess.

Nothing here renders, parses or imports anything heavy: this module is imported by every
command and every plugin, so it must stay cheap.

Text in the AST is plain Unicode text, never markup: a ``Text("<b>")`` is the four characters
``<b>`` and every writer must escape it. Parsers strip characters that XML 1.0 cannot hold
(see :func:`convert.textutil.clean_text`) before they build nodes.

The JSON form of these types (``convert.jsonio``) and its JSON Schema
(``docs/article.schema.json``) are generated from the annotations below.
"""

from __future__ import annotations

from dataclasses import field
from typing import ClassVar, Mapping, Union

from .nodeclass import NodeFactory

__all__ = [
    "Article", "Meta", "Source",
    "Text", "Emphasis", "Strong", "Strikeout", "Superscript", "Subscript", "Code", "Link",
    "Image", "LineBreak", "Inline",
    "Heading", "Paragraph", "ListItem", "List", "Quote", "CodeBlock", "TableCell", "TableRow",
    "Table", "Figure", "Rule", "Div", "Block",
    "INLINE_TYPES", "BLOCK_TYPES",
]

# Frozen slotted dataclasses, made without ``dataclass()`` (much cheaper at start-up; see
# convert.nodeclass). _node.finish() at the end gives them their __init__.
_node = NodeFactory()


# --------------------------------------------------------------------------- inlines

@_node
class Text:
    """A run of plain text. Whitespace is already collapsed by the parser."""

    type: ClassVar[str] = "text"
    text: str


@_node
class Emphasis:
    """Stressed text (``<em>``, ``<i>``); usually rendered in italics."""

    type: ClassVar[str] = "emphasis"
    children: tuple[Inline, ...]


@_node
class Strong:
    """Strongly important text (``<strong>``, ``<b>``); usually rendered bold."""

    type: ClassVar[str] = "strong"
    children: tuple[Inline, ...]


@_node
class Strikeout:
    """Text that is no longer accurate (``<s>``, ``<del>``)."""

    type: ClassVar[str] = "strikeout"
    children: tuple[Inline, ...]


@_node
class Superscript:
    """Superscript text (``<sup>``), e.g. exponents and footnote marks. A mark over its
    children, never flattened into the text around it: docx writes it raised (``vertAlign``),
    epub as ``<sup>``, txt and md in Unicode superscript forms where every character has one
    (``x²``), else txt plain and md as ``^(...)``."""

    type: ClassVar[str] = "superscript"
    children: tuple[Inline, ...]


@_node
class Subscript:
    """Subscript text (``<sub>``), e.g. chemical formulae. A mark over its children like
    :class:`Superscript`: docx lowered, epub ``<sub>``, txt and md in Unicode subscript forms
    where every character has one (``H₂O``), else txt plain and md as ``_(...)``."""

    type: ClassVar[str] = "subscript"
    children: tuple[Inline, ...]


@_node
class Code:
    """Inline code or a literal (``<code>``, ``<kbd>``, ``<samp>``); never re-flowed."""

    type: ClassVar[str] = "code"
    text: str


@_node
class Link:
    """A hyperlink. ``url`` is absolute where the page had a base, and never a script URL."""

    type: ClassVar[str] = "link"
    children: tuple[Inline, ...]
    url: str
    #: Advisory title (the ``title`` attribute), if any.
    title: str | None = None


@_node
class Image:
    """An image. ``src`` is the best candidate the parser found (srcset, lazy-load attributes)."""

    type: ClassVar[str] = "image"
    src: str
    alt: str = ""
    title: str | None = None
    width: int | None = None
    height: int | None = None


@_node
class LineBreak:
    """A hard line break inside a block (``<br>``)."""

    type: ClassVar[str] = "line_break"


Inline = Union[Text, Emphasis, Strong, Strikeout, Superscript, Subscript, Code, Link, Image,
               LineBreak]


# --------------------------------------------------------------------------- blocks

@_node
class Heading:
    """A section heading; ``level`` is 1..6 as on the page (the article title is metadata)."""

    type: ClassVar[str] = "heading"
    level: int
    children: tuple[Inline, ...]


@_node
class Paragraph:
    """A paragraph of running text."""

    type: ClassVar[str] = "paragraph"
    children: tuple[Inline, ...]


@_node
class ListItem:
    """One item of a :class:`List`; holds blocks, so items can nest lists."""

    type: ClassVar[str] = "list_item"
    blocks: tuple[Block, ...]


@_node
class List:
    """An ordered or unordered list. ``start`` is the first number of an ordered list."""

    type: ClassVar[str] = "list"
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1


@_node
class Quote:
    """A block quotation; ``cite`` is the URL of its source when the page gives one."""

    type: ClassVar[str] = "quote"
    blocks: tuple[Block, ...]
    cite: str | None = None


@_node
class CodeBlock:
    """Preformatted text, kept verbatim. ``language`` comes from ``class="language-x"`` etc."""

    type: ClassVar[str] = "code_block"
    text: str
    language: str | None = None


@_node
class TableCell:
    """A table cell. ``header`` marks ``<th>``; spans are at least 1."""

    type: ClassVar[str] = "table_cell"
    blocks: tuple[Block, ...]
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


@_node
class TableRow:
    """A row of table cells."""

    type: ClassVar[str] = "table_row"
    cells: tuple[TableCell, ...]


@_node
class Table:
    """A table: header rows (``head``), body rows, and an optional caption."""

    type: ClassVar[str] = "table"
    head: tuple[TableRow, ...]
    body: tuple[TableRow, ...]
    caption: tuple[Inline, ...] = ()


@_node
class Figure:
    """An image bound to its caption and credit (photographer, agency)."""

    type: ClassVar[str] = "figure"
    image: Image | None
    caption: tuple[Inline, ...] = ()
    credit: tuple[Inline, ...] = ()


@_node
class Rule:
    """A thematic break (``<hr>``)."""

    type: ClassVar[str] = "rule"


@_node
class Div:
    """A generic container of blocks; ``role`` names what it is (``aside``, ``note``, ...)."""

    type: ClassVar[str] = "div"
    blocks: tuple[Block, ...]
    role: str | None = None


Block = Union[Heading, Paragraph, List, Quote, CodeBlock, Table, Figure, Rule, Div]

INLINE_TYPES: tuple[type, ...] = (Text, Emphasis, Strong, Strikeout, Superscript, Subscript,
                                  Code, Link, Image, LineBreak)
BLOCK_TYPES: tuple[type, ...] = (Heading, Paragraph, List, Quote, CodeBlock, Table, Figure,
                                 Rule, Div)


# --------------------------------------------------------------------------- document

@_node
class Source:
    """Where an article came from."""

    type: ClassVar[str] = "source"
    #: A file path or URL; ``None`` for standard input.
    location: str | None = None
    #: The input kind the reader used: ``html``, ``text``, ``json``, or a plugin reader's name.
    kind: str = "html"
    #: The character encoding the bytes were decoded with, if they were decoded.
    encoding: str | None = None


@_node
class Meta:
    """Article metadata. Every field is optional; unknown values are ``None`` or empty.

    Dates are ISO 8601 strings exactly as precise as the page said (``2023-07-27``,
    ``2023-07-27T06:09:00`` or ``2023-07-27T06:09:00+03:00``): no time zone is invented.
    """

    type: ClassVar[str] = "meta"
    title: str | None = None
    #: Standfirst / dek / subtitle: the summary line under the headline.
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    #: BCP 47 language tag, e.g. ``en`` or ``pt-BR``.
    language: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    #: Canonical URL of the article.
    url: str | None = None
    description: str | None = None
    lead_image: Figure | None = None
    source: Source | None = None
    #: What kind of page it was: ``article``, ``forum``, ``product``, ``collection``,
    #: ``listing``, ``documentation``, ``service`` or ``other`` (a learned guess).
    page_type: str | None = None
    #: The classifier's probability (0–1) for ``page_type``.
    page_type_probability: float | None = None
    #: How far to trust the extraction (0–1): a calibrated estimate of how much of the page's
    #: main content the body holds and nothing else (the expected shingle F1).
    confidence: float | None = None
    #: What a product page sells it for, as the page declares it (schema.org ``Offer``,
    #: ``product:price:amount``, microdata): the price's digits as written (``1299.00``),
    #: its ISO 4217 currency (``EUR``) and schema.org's availability name (``InStock``,
    #: ``OutOfStock``, ``PreOrder``...). ``None`` when the page declares none.
    price: str | None = None
    price_currency: str | None = None
    availability: str | None = None
    #: Values added by transform plugins (word counts, reading time, ...). JSON scalars only.
    extra: Mapping[str, str | int | float | bool | None] = field(default_factory=dict)


@_node
class Article:
    """One article: metadata and body blocks."""

    type: ClassVar[str] = "article"
    meta: Meta
    blocks: tuple[Block, ...]


_node.finish()
del _node
